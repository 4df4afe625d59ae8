// The contents rows of a work by their index, each made when it is asked for: a work of 200,000
// chapters shows 40 rows at a time, and would otherwise make 200,000 rows and read every
// scene's opening words before the contents open.

import {opening} from './outline.ts';
import {rangeAt} from './progress.ts';
import type {Work} from './types.ts';

export type TocEntry = {
	/** A part is a heading row over the chapters it holds; choosing it opens its first chapter. */
	kind: 'part' | 'chapter' | 'section';
	label: string;
	words: number;
	start: number;
	chapter: number;
	/** How deep the row sits in the work's own nested contents. */
	depth: number;
};

export type TocRowsOf = {
	/** How many rows: the parts, the chapters, and the scenes of chapters that have more than one. */
	readonly length: number;
	/** The row at `index`, made now; undefined past the end. */
	at(index: number): TocEntry | undefined;
	/** The last row that starts at or before `block` (the place's row), or -1 before them all. */
	indexAt(block: number): number;
	readonly chapterCount: number;
	/** The most words of any row, for the width of the counts' column. */
	readonly mostWords: number;
};

/** The rows of a list made beforehand (a test's, or a short one). */
export function tocRowsFrom(entries: readonly TocEntry[]): TocRowsOf {
	let most = 0;
	for (const entry of entries) if (entry.kind !== 'part' && entry.words > most) most = entry.words;
	return {
		length: entries.length,
		at: (index) => entries[index],
		indexAt: (block) => rangeAt(entries as TocEntry[], block),
		chapterCount: entries.filter((entry) => entry.kind === 'chapter').length,
		mostWords: most,
	};
}

/** The rows of `work`, by index; making it costs two numbers a chapter and no row. */
export class TocIndex implements TocRowsOf {
	readonly #work: Work;
	/** firstRow[c] is chapter c's first row (its first part's, or its own); one more at the end. */
	readonly #firstRow: Int32Array;
	/** firstSection[c] is chapter c's first section; one more at the end. */
	readonly #firstSection: Int32Array;
	readonly mostWords: number;

	constructor(work: Work) {
		this.#work = work;
		const {chapters, sections, wordsBefore} = work;
		this.#firstRow = new Int32Array(chapters.length + 1);
		this.#firstSection = new Int32Array(chapters.length + 1);
		let section = 0;
		let most = 0;
		for (const [index, chapter] of chapters.entries()) {
			// Sections come in chapter order, as assembled; one before its chapter is never shown.
			while (section < sections.length && sections[section]!.chapter < index) section++;
			this.#firstSection[index] = section;
			let count = 0;
			while (section + count < sections.length && sections[section + count]!.chapter === index)
				count++;
			section += count;
			const rows = (chapter.parts?.length ?? 0) + 1 + (count > 1 ? count : 0);
			this.#firstRow[index + 1] = this.#firstRow[index]! + rows;
			// A scene's words are never more than its chapter's.
			most = Math.max(most, wordsBefore[chapter.end]! - wordsBefore[chapter.start]!);
		}

		this.#firstSection[chapters.length] = section;
		this.mostWords = most;
	}

	get length(): number {
		return this.#firstRow[this.#work.chapters.length]!;
	}

	get chapterCount(): number {
		return this.#work.chapters.length;
	}

	at(index: number): TocEntry | undefined {
		if (!(index >= 0 && index < this.length)) return undefined;
		const work = this.#work;
		const chapter = this.#chapterOfRow(Math.floor(index));
		const {title, start, end, depth = 0, parts = []} = work.chapters[chapter]!;
		const row = Math.floor(index) - this.#firstRow[chapter]!;
		if (row < parts.length) {
			const part = parts[row]!;
			return {kind: 'part', label: part.title, words: 0, start, chapter, depth: part.depth};
		}

		const words = (from: number, to: number) => work.wordsBefore[to]! - work.wordsBefore[from]!;
		if (row === parts.length)
			return {kind: 'chapter', label: title, words: words(start, end), start, chapter, depth};
		const section = work.sections[this.#firstSection[chapter]! + row - parts.length - 1]!;
		return {
			kind: 'section',
			label: opening(work, section.start, section.end),
			words: words(section.start, section.end),
			start: section.start,
			chapter,
			depth,
		};
	}

	indexAt(block: number): number {
		const chapter = rangeAt(this.#work.chapters, block);
		if (chapter < 0) return -1;
		const parts = this.#work.chapters[chapter]!.parts?.length ?? 0;
		const ownRow = this.#firstRow[chapter]! + parts;
		const first = this.#firstSection[chapter]!;
		const count = this.#firstSection[chapter + 1]! - first;
		if (count <= 1) return ownRow;
		// The last of the chapter's scenes that starts at or before the block (its first starts with it).
		const section = rangeAt(this.#work.sections, block);
		return ownRow + 1 + Math.min(count - 1, Math.max(0, section - first));
	}

	/** The chapter whose rows hold row `index`: the last whose first row is at or before it. */
	#chapterOfRow(index: number): number {
		let low = 0;
		let high = this.#work.chapters.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (this.#firstRow[middle]! <= index) low = middle;
			else high = middle - 1;
		}

		return low;
	}
}

/** Contents rows: the parts that open at each chapter, the chapter, then its scenes when it has more than one. */
export function tocEntries(work: Work): TocEntry[] {
	const rows = new TocIndex(work);
	return Array.from({length: rows.length}, (_, index) => rows.at(index)!);
}
