// The outline of a work: chapters and their sections with word counts and opening words.

import type {ChapterPart, Work} from './types.ts';

export type SectionOutline = {start: number; words: number; opening: string};
export type ChapterOutline = {
	title: string;
	start: number;
	words: number;
	sections: SectionOutline[];
	/** Nesting in the work's own contents, and the parts that open before this chapter. */
	depth: number;
	parts: ChapterPart[];
};

const openingChars = 80;

/** The first words of the story text in blocks `start`…`end`, as a scene's label. */
export function opening(work: Work, start: number, end: number): string {
	for (let index = start; index < end; index++) {
		const block = work.blocks[index]!;
		if (
			block.part === 'story' &&
			(block.kind === 'paragraph' || block.kind === 'quote' || block.kind === 'list-item')
		) {
			const text = block.text.replace(/\s+/g, ' ').trim();
			if (text.length <= openingChars) return text;
			const cut = text.lastIndexOf(' ', openingChars);
			return text.slice(0, cut > 40 ? cut : openingChars);
		}
	}

	return '';
}

function wordsIn(work: Work, start: number, end: number): number {
	return work.wordsBefore[end]! - work.wordsBefore[start]!;
}

const noParts: ChapterPart[] = [];

/**
 * The chapters' outlines one at a time, so that a work of 200,000 chapters is written or listed
 * without all their outlines held at once. Sections come in chapter order, as assembled.
 */
export function* chapterOutlines(work: Work): Generator<ChapterOutline> {
	const {sections} = work;
	let next = 0;
	for (const [index, chapter] of work.chapters.entries()) {
		const outline: ChapterOutline = {
			title: chapter.title,
			start: chapter.start,
			words: wordsIn(work, chapter.start, chapter.end),
			sections: [],
			depth: chapter.depth ?? 0,
			parts: chapter.parts ?? noParts,
		};
		while (next < sections.length && sections[next]!.chapter <= index) {
			const section = sections[next++]!;
			if (section.chapter < index) continue;
			outline.sections.push({
				start: section.start,
				words: wordsIn(work, section.start, section.end),
				opening: opening(work, section.start, section.end),
			});
		}

		yield outline;
	}
}

export function outlineOf(work: Work): ChapterOutline[] {
	return Array.from(chapterOutlines(work));
}
