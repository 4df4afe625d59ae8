// One query's way through a long work's folded index, in steps of a few milliseconds, so that a
// search can run while its query is typed and Enter finds it done.

import type {Anchor} from '../work/anchor.ts';
import type {Work} from '../work/types.ts';

/** Bytes searched between two looks at the clock: well under a millisecond of Buffer.indexOf. */
export const scanWindow = 1 << 20;

/**
 * Buffer.indexOf looks for a needle shorter than this by its first byte (memchr), and for a longer
 * one by Boyer-Moore-Horspool, which is several times slower over prose: the scan looks for a part
 * of the needle this long at most, from its rarest byte on.
 */
const keyLength = 6;

export type ScanOptions = {
	/** Checks a candidate against the text itself, where the folded bytes can match more than the query. */
	exact?: RegExp;
	window?: number;
	/** How common each byte is in the folded text, to look for the needle by its rarest one. */
	frequency?: ArrayLike<number>;
};

export class MatchScan {
	readonly query: string;
	readonly #work: Work;
	readonly #folded: Buffer;
	readonly #needle: Buffer;
	readonly #exact?: RegExp;
	readonly #window: number;
	/** The part of the needle looked for, and where it starts in the needle. */
	readonly #key: Buffer;
	readonly #keyAt: number;
	/** Where each match starts in the folded index, in order. */
	#starts = new Uint32Array(64);
	#count = 0;
	/** Where the next window of the index starts. */
	#at = 0;
	/** Where the last match ends: matches never overlap, as with a regular expression. */
	#end = 0;
	/** The block of the last candidate: candidates come in order, so it only moves forward. */
	#block = 0;

	constructor(
		work: Work,
		folded: Buffer,
		needle: Buffer,
		query: string,
		options: ScanOptions = {},
	) {
		this.#work = work;
		this.#folded = folded;
		this.#needle = needle;
		this.query = query;
		this.#exact = options.exact;
		this.#window = options.window ?? scanWindow;
		this.#keyAt = rarestAt(needle, options.frequency);
		this.#key = needle.subarray(this.#keyAt, Math.min(needle.length, this.#keyAt + keyLength));
	}

	get done(): boolean {
		return this.#at >= this.#folded.length;
	}

	/** Searches on for about `budgetMs`; returns whether the whole work is searched. */
	advance(budgetMs: number, now: () => number = () => performance.now()): boolean {
		const deadline = now() + budgetMs;
		const folded = this.#folded;
		const key = this.#key;
		while (!this.done) {
			// The key's places that start before `limit`; the window reaches past it by the key's length less one.
			const limit = Math.min(folded.length, this.#at + this.#window);
			const part = folded.subarray(this.#at, Math.min(folded.length, limit + key.length - 1));
			for (let at = part.indexOf(key); at !== -1; at = part.indexOf(key, at + 1))
				this.#candidate(this.#at + at - this.#keyAt);
			this.#at = limit;
			if (now() > deadline) break;
		}

		return this.done;
	}

	/** The matches found so far, in reading order, leaving out `hidden` blocks. */
	matches(hidden: (block: number) => boolean): Anchor[] {
		const starts = this.#work.charsBefore;
		const matches: Anchor[] = [];
		let block = 0;
		for (let index = 0; index < this.#count; index++) {
			const at = this.#starts[index]!;
			while (starts[block + 1]! <= at) block++;
			if (!hidden(block)) matches.push({block, offset: at - starts[block]!});
		}

		return matches;
	}

	/** Keeps a match that starts at `start`, if the whole needle is there and the text agrees. */
	#candidate(start: number): void {
		const folded = this.#folded;
		const needle = this.#needle;
		if (start < this.#end || start + needle.length > folded.length) return;
		for (let index = 0; index < needle.length; index++)
			if (folded[start + index] !== needle[index]) return;
		if (this.#exact) {
			const starts = this.#work.charsBefore;
			while (starts[this.#block + 1]! <= start) this.#block++;
			this.#exact.lastIndex = start - starts[this.#block]!;
			if (!this.#exact.test(this.#work.blocks[this.#block]!.text)) return;
		}

		if (this.#count === this.#starts.length) {
			const grown = new Uint32Array(this.#count * 2);
			grown.set(this.#starts);
			this.#starts = grown;
		}

		this.#starts[this.#count++] = start;
		this.#end = start + needle.length;
	}
}

/** Where the needle's rarest byte is, leaving at least two bytes from there on when it can. */
function rarestAt(needle: Buffer, frequency?: ArrayLike<number>): number {
	if (!frequency) return 0;
	let rarest = 0;
	const last = Math.max(0, needle.length - 2);
	for (let index = 1; index <= last; index++)
		if (frequency[needle[index]!]! < frequency[needle[rarest]!]!) rarest = index;
	return rarest;
}
