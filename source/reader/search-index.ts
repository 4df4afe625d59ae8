// A compact search index: the work's text folded to lower-case ASCII, one byte per character, so
// that a query is found with Buffer.indexOf instead of a regular expression per block.

import type {Anchor} from '../work/anchor.ts';
import type {Work} from '../work/types.ts';
import {MatchScan} from './search-scan.ts';
import {lookAlikes, queryPattern} from './search-text.ts';

/** Every character that is not ASCII becomes this byte, which no ASCII query contains. */
const other = 0xff;
const separator = 0x0a;
/** The byte counts that choose the rarest byte of a query come from this many samples of this size. */
const samples = 64;
const sampleBytes = 4096;

/**
 * Each UTF-16 unit's folded byte: ASCII lowered, typographic quotes and dashes as their plain
 * forms, and the two letters beyond ASCII that a case-insensitive search takes for ASCII ones.
 */
const foldedByte = new Uint8Array(0x1_00_00).fill(other);
for (let code = 0; code < 128; code++)
	foldedByte[code] = code >= 65 && code <= 90 ? code + 32 : code;
for (const group of lookAlikes)
	for (const character of group) foldedByte[character.charCodeAt(0)] = group.charCodeAt(0);
foldedByte[0x17f] = 's'.charCodeAt(0); // ſ, long s
foldedByte[0x212a] = 'k'.charCodeAt(0); // K, the Kelvin sign

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

export class SearchIndex {
	readonly #work: Work;
	readonly #folded: Buffer;
	#block = 0;
	#at = 0;
	#scan?: MatchScan;
	#frequency?: Uint32Array;

	readonly #scanWindow?: number;

	/**
	 * `scanWindow`: bytes a search step takes between looks at the clock (smaller in tests);
	 * `storage`: a buffer free to be written over, used for the index if it is long enough.
	 */
	constructor(work: Work, options: {scanWindow?: number; storage?: Buffer} = {}) {
		this.#work = work;
		this.#scanWindow = options.scanWindow;
		// Block i starts at charsBefore[i]; each block is followed by one separator byte.
		const length = work.charsBefore[work.blocks.length]!;
		const {storage} = options;
		this.#folded =
			storage && storage.length >= length
				? storage.subarray(0, length)
				: Buffer.allocUnsafe(length);
	}

	get complete(): boolean {
		return this.#block >= this.#work.blocks.length;
	}

	/**
	 * Folds blocks for about `budgetMs`, so that building the index for a long work never holds
	 * up a key for long; returns whether it is complete.
	 */
	advance(budgetMs: number, now: () => number = () => performance.now()): boolean {
		const deadline = now() + budgetMs;
		const {blocks} = this.#work;
		const folded = this.#folded;
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
			this.#scan = new MatchScan(this.#work, this.#folded, needle, query, {
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
		const folded = this.#folded;
		const frequency = new Uint32Array(256);
		const stride = Math.max(sampleBytes, Math.floor(folded.length / samples));
		for (let start = 0; start < folded.length; start += stride) {
			const end = Math.min(folded.length, start + sampleBytes);
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
