// A compact search index: the work's text folded to lower-case ASCII, one byte per character, so
// that a plain-word query is found with Buffer.indexOf instead of a regular expression per block.

import type {Anchor} from '../work/anchor.ts';
import type {Work} from '../work/types.ts';
import {lookAlikes, plainFormOf} from './search-text.ts';

/** Every character that is not ASCII becomes this byte, which no ASCII query contains. */
const other = 0xff;
const separator = 0x0a;

/** Each UTF-16 unit's folded byte: ASCII lowered, typographic quotes and dashes as their plain forms. */
const foldedByte = new Uint8Array(0x1_00_00).fill(other);
for (let code = 0; code < 128; code++)
	foldedByte[code] = code >= 65 && code <= 90 ? code + 32 : code;
for (const group of lookAlikes)
	for (const character of group) foldedByte[character.charCodeAt(0)] = group.charCodeAt(0);

/** The query as the index holds text: typographic quotes and dashes as their plain forms. */
function foldQuery(query: string): string {
	let folded = '';
	for (const character of query) folded += plainFormOf(character) ?? character;
	return folded;
}

export class SearchIndex {
	readonly #work: Work;
	readonly #folded: Buffer;
	#block = 0;
	#at = 0;

	constructor(work: Work) {
		this.#work = work;
		// Block i starts at charsBefore[i]; each block is followed by one separator byte.
		this.#folded = Buffer.allocUnsafe(work.charsBefore[work.blocks.length]!);
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
			if ((this.#block & 63) === 0 && now() > deadline) break;
		}

		this.#at = at;
		return this.complete;
	}

	/** Whether the complete index can answer this query: lower-case ASCII (a case-insensitive search). */
	handles(query: string): boolean {
		return this.complete && /^[\u0020-\u0040\u005B-\u007E]+$/.test(foldQuery(query));
	}

	find(query: string, hidden: (block: number) => boolean): Anchor[] {
		const needle = Buffer.from(foldQuery(query), 'latin1');
		const starts = this.#work.charsBefore;
		const matches: Anchor[] = [];
		let block = 0;
		for (
			let at = this.#folded.indexOf(needle);
			at !== -1;
			at = this.#folded.indexOf(needle, at + needle.length)
		) {
			while (starts[block + 1]! <= at) block++;
			if (!hidden(block)) matches.push({block, offset: at - starts[block]!});
		}

		return matches;
	}
}
