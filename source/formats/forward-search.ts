// Searches a string forward from positions that only grow, remembering each answer, so that the
// searches for one needle add up to a single pass: linear time on text full of unmatched markup.

export class ForwardSearch {
	readonly #source: string;
	readonly #found = new Map<string, {from: number; at: number}>();

	constructor(source: string) {
		this.#source = source;
	}

	/**
	 * The first place at or after `from` where `needle` stands and `accepts` takes it, or -1. A
	 * needle is always asked with the same rule, so the answer is remembered by the needle alone.
	 */
	next(needle: string, from: number, accepts?: (at: number) => boolean): number {
		const cached = this.#found.get(needle);
		if (cached && cached.from <= from && (cached.at === -1 || cached.at >= from)) return cached.at;
		let at = this.#source.indexOf(needle, from);
		while (at !== -1 && accepts && !accepts(at)) at = this.#source.indexOf(needle, at + 1);
		this.#found.set(needle, {from, at});
		return at;
	}
}
