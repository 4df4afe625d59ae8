// A compact search index: the work's text folded to lower-case ASCII, one byte per character, so
// that a query is found with Buffer.indexOf instead of a regular expression per block. A long work
// read by the parse worker comes folded already (see work-texts.ts); a work read here is folded
// from its strings, a little at a time.

import type {Anchor} from '../work/anchor.ts';
import type {Work} from '../work/types.ts';
import type {WorkTexts} from '../work/work-texts.ts';
import {MatchScan, type FoldedLayout} from './search-scan.ts';
import {foldedByte, other, separator} from '../work/folded-text.ts';
import {queryPattern} from './search-text.ts';

/** The byte counts that choose the rarest byte of a query come from this many samples of this size. */
const samples = 64;
const sampleBytes = 4096;

/** The query folded as the index holds text, a byte per UTF-16 unit. */
function foldQuery(query: string): Buffer {
	const folded = Buffer.allocUnsafe(query.length);
	for (let index = 0; index < query.length; index++)
		folded[index] = foldedByte[query.charCodeAt(index)]!;
	return folded;
}

/** Whether every match of the folded query is a match of the query: lower-case, and ASCII once folded. */
function foldingIsExact(query: string, folded: Buffer): boolean {
	return query === query.toLowerCase() && !folded.includes(other);
}

/** Where each block's text is in an index built from the blocks' strings: one after another. */
function builtLayout(work: Work): FoldedLayout {
	const {charsBefore} = work;
	const count = work.blocks.length;
	const starts = new Uint32Array(count);
	const ends = new Uint32Array(count);
	let texts = 0;
	for (let block = 0; block < count; block++) {
		starts[block] = charsBefore[block]!;
		// Each block is followed by one separator byte.
		ends[block] = charsBefore[block + 1]! - 1;
		if (ends[block]! > starts[block]!) texts++;
	}

	const order = new Uint32Array(texts);
	for (let block = 0, place = 0; block < count; block++)
		if (ends[block]! > starts[block]!) order[place++] = block;
	return {folded: Buffer.allocUnsafe(charsBefore[count]!), starts, ends, order};
}

export class SearchIndex {
	readonly #work: Work;
	readonly #layout: FoldedLayout;
	/** Whether the work's texts are folded already (see work-texts.ts), not built here from strings. */
	readonly #packed: boolean;
	#block = 0;
	#at = 0;
	#scan?: MatchScan;
	#frequency?: Uint32Array;

	readonly #scanWindow?: number;

	/**
	 * `scanWindow`: bytes a search step takes between looks at the clock (smaller in tests);
	 * `texts`: the work's texts, folded already, as the parse worker sends them.
	 */
	constructor(work: Work, options: {scanWindow?: number; texts?: WorkTexts} = {}) {
		this.#work = work;
		this.#scanWindow = options.scanWindow;
		this.#packed = options.texts !== undefined;
		this.#layout = options.texts ?? builtLayout(work);
	}

	get complete(): boolean {
		return this.#packed || this.#block >= this.#work.blocks.length;
	}

	/**
	 * Folds blocks for about `budgetMs`, so that building the index for a long work never holds
	 * up a key for long; returns whether it is complete.
	 */
	advance(budgetMs: number, now: () => number = () => performance.now()): boolean {
		if (this.#packed) return true;
		const deadline = now() + budgetMs;
		const {blocks} = this.#work;
		const {folded} = this.#layout;
		let at = this.#at;
		while (this.#block < blocks.length) {
			const {text} = blocks[this.#block++]!;
			for (let index = 0; index < text.length; index++) {
				folded[at++] = foldedByte[text.charCodeAt(index)]!;
			}

			folded[at++] = separator;
			if ((this.#block & 15) === 0 && now() > deadline) break;
		}

		this.#at = at;
		return this.complete;
	}

	/**
	 * Whether the complete index can answer this query: one with a character that folds to ASCII.
	 * A query of other characters only (a CJK word) would find every run of them as a candidate.
	 */
	handles(query: string): boolean {
		if (!this.complete || !query) return false;
		const folded = foldQuery(query);
		return folded.some((byte) => byte !== other) && !folded.includes(separator);
	}

	/**
	 * The scan for a query, in steps: the one under way when it is the same query (prepared while it
	 * was typed), or a new one. Only the latest is kept.
	 */
	scanFor(query: string): MatchScan {
		if (this.#scan?.query !== query) {
			const needle = foldQuery(query);
			const exact = foldingIsExact(query, needle) ? undefined : queryPattern(query);
			const sticky = exact && new RegExp(exact.source, exact.flags.replace('g', 'y'));
			this.#scan = new MatchScan(this.#work, this.#layout, needle, query, {
				exact: sticky,
				window: this.#scanWindow,
				frequency: this.#byteFrequency(),
			});
		}

		return this.#scan;
	}

	/** How often each byte comes in a sample of the index, spread over the whole work. */
	#byteFrequency(): Uint32Array {
		if (this.#frequency) return this.#frequency;
		const {folded, ends, order} = this.#layout;
		const last = order.at(-1);
		const length = last === undefined ? 0 : ends[last]!;
		const frequency = new Uint32Array(256);
		const stride = Math.max(sampleBytes, Math.floor(length / samples));
		for (let start = 0; start < length; start += stride) {
			const end = Math.min(length, start + sampleBytes);
			for (let at = start; at < end; at++) frequency[folded[at]!]!++;
		}

		this.#frequency = frequency;
		return frequency;
	}

	find(query: string, hidden: (block: number) => boolean): Anchor[] {
		const scan = this.scanFor(query);
		scan.advance(Number.POSITIVE_INFINITY);
		return scan.matches(hidden);
	}
}
