// The time, and waiting for it: passed in by the shell, so that tests can stand in for it.

export type Clock = {
	now: () => Date;
	/** Runs `action` after `ms`; the function returned cancels it. */
	after: (ms: number, action: () => void) => () => void;
};

export const systemClock: Clock = {
	now: () => new Date(),
	after(ms, action) {
		const timer = setTimeout(action, ms);
		return () => clearTimeout(timer);
	},
};
