// One query's way through a long work's folded index, in steps of a few milliseconds, so that a
// search can run while its query is typed and Enter finds it done.

import {compareAnchors, type Anchor} from '../work/anchor.ts';
import type {Work} from '../work/types.ts';

/** Bytes searched between two looks at the clock: well under a millisecond of Buffer.indexOf. */
export const scanWindow = 1 << 20;

/**
 * Buffer.indexOf looks for a needle shorter than this by its first byte (memchr), and for a longer
 * one by Boyer-Moore-Horspool, which is several times slower over prose: the scan looks for a part
 * of the needle this long at most, from its rarest byte on.
 */
const keyLength = 6;

/**
 * Where the work's texts are in the folded bytes searched: block i at [starts[i], ends[i]), and
 * the blocks with a text in the order of their places. Between texts there may be other bytes.
 */
export type FoldedLayout = {
	folded: Buffer;
	starts: Uint32Array;
	ends: Uint32Array;
	order: Uint32Array;
};

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
	readonly #layout: FoldedLayout;
	/** How far the texts reach in the folded bytes. */
	readonly #length: number;
	readonly #needle: Buffer;
	readonly #exact?: RegExp;
	readonly #window: number;
	/** The part of the needle looked for, and where it starts in the needle. */
	readonly #key: Buffer;
	readonly #keyAt: number;
	/** Each match's block and where in its text it starts, in the order found. */
	#blocks = new Uint32Array(64);
	#offsets = new Uint32Array(64);
	#count = 0;
	/** Whether the matches were found in reading order: texts may lie out of it in the bytes. */
	#inOrder = true;
	/** Where the next window of the index starts. */
	#at = 0;
	/** Where the last match ends: matches never overlap, as with a regular expression. */
	#end = 0;
	/** The place (in layout.order) of the block of the last candidate: candidates come in order. */
	#place = -1;

	constructor(
		work: Work,
		layout: FoldedLayout,
		needle: Buffer,
		query: string,
		options: ScanOptions = {},
	) {
		this.#work = work;
		this.#layout = layout;
		const last = layout.order.at(-1);
		this.#length = last === undefined ? 0 : layout.ends[last]!;
		this.#needle = needle;
		this.query = query;
		this.#exact = options.exact;
		this.#window = options.window ?? scanWindow;
		this.#keyAt = rarestAt(needle, options.frequency);
		this.#key = needle.subarray(this.#keyAt, Math.min(needle.length, this.#keyAt + keyLength));
	}

	get done(): boolean {
		return this.#at >= this.#length;
	}

	/** Searches on for about `budgetMs`; returns whether the whole work is searched. */
	advance(budgetMs: number, now: () => number = () => performance.now()): boolean {
		const deadline = now() + budgetMs;
		const folded = this.#layout.folded;
		const length = this.#length;
		const key = this.#key;
		while (!this.done) {
			// The key's places that start before `limit`; the window reaches past it by the key's length less one.
			const limit = Math.min(length, this.#at + this.#window);
			const part = folded.subarray(this.#at, Math.min(length, limit + key.length - 1));
			for (let at = part.indexOf(key); at !== -1; at = part.indexOf(key, at + 1))
				this.#candidate(this.#at + at - this.#keyAt);
			this.#at = limit;
			if (now() > deadline) break;
		}

		return this.done;
	}

	/** The matches found so far, in reading order, leaving out `hidden` blocks. */
	matches(hidden: (block: number) => boolean): Anchor[] {
		const matches: Anchor[] = [];
		for (let index = 0; index < this.#count; index++) {
			const block = this.#blocks[index]!;
			if (!hidden(block)) matches.push({block, offset: this.#offsets[index]!});
		}

		return this.#inOrder ? matches : matches.sort(compareAnchors);
	}

	/** Keeps a match that starts at `start`, if the whole needle is there, in one text, and the text agrees. */
	#candidate(start: number): void {
		const folded = this.#layout.folded;
		const needle = this.#needle;
		if (start < this.#end || start < 0 || start + needle.length > this.#length) return;
		for (let index = 0; index < needle.length; index++)
			if (folded[start + index] !== needle[index]) return;
		const {order, starts, ends} = this.#layout;
		while (this.#place + 1 < order.length && starts[order[this.#place + 1]!]! <= start)
			this.#place++;
		if (this.#place < 0) return;
		const block = order[this.#place]!;
		if (start + needle.length > ends[block]!) return;
		const offset = start - starts[block]!;
		if (this.#exact) {
			this.#exact.lastIndex = offset;
			if (!this.#exact.test(this.#work.blocks[block]!.text)) return;
		}

		if (this.#count === this.#blocks.length) {
			const blocks = new Uint32Array(this.#count * 2);
			const offsets = new Uint32Array(this.#count * 2);
			blocks.set(this.#blocks);
			offsets.set(this.#offsets);
			this.#blocks = blocks;
			this.#offsets = offsets;
		}

		if (this.#count > 0 && this.#blocks[this.#count - 1]! > block) this.#inOrder = false;
		this.#blocks[this.#count] = block;
		this.#offsets[this.#count++] = offset;
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
