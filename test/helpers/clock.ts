// A clock for tests: time stands still until the test moves it, and waits end when it passes them.

import type {Clock} from '../../source/store/clock.ts';

export class TestClock implements Clock {
	#now: number;
	#waits: Array<{at: number; action: () => void}> = [];

	constructor(start = Date.parse('2026-01-01T12:00:00Z')) {
		this.#now = start;
	}

	now = (): Date => new Date(this.#now);

	after = (ms: number, action: () => void): (() => void) => {
		const wait = {at: this.#now + ms, action};
		this.#waits.push(wait);
		return () => {
			this.#waits = this.#waits.filter((other) => other !== wait);
		};
	};

	/** Moves time on by `ms`, running every wait that ends by then, in order. */
	advance(ms: number): void {
		this.#now += ms;
		const due = this.#waits.filter((wait) => wait.at <= this.#now).sort((a, b) => a.at - b.at);
		this.#waits = this.#waits.filter((wait) => wait.at > this.#now);
		for (const wait of due) wait.action();
	}
}
