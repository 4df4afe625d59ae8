// Divides a PDF's paragraphs into chapters: at the places its outline points to, or else at its
// largest headings that recur.

import type {ChapterPart} from '../work/types.ts';
import type {PdfOutlineEntry} from './pdf-document.ts';
import type {PdfParagraph} from './pdf-paragraphs.ts';

export type PdfChapter = {
	title: string;
	depth: number;
	parts: ChapterPart[];
	paragraphs: PdfParagraph[];
	/** The title came from a heading in the text, not from the outline. */
	fromHeading: boolean;
};

export type PdfChapters = {front: PdfParagraph[]; chapters: PdfChapter[]};

/** A destination's top is above its heading's baseline; a little slack for rounding. */
const slack = 2;

function sameTitle(heading: string, title: string): boolean {
	const plain = (text: string) => text.toLowerCase().replaceAll(/\s+/g, ' ').trim();
	return plain(heading) === plain(title);
}

function byOutline(paragraphs: PdfParagraph[], outline: PdfOutlineEntry[]): PdfChapters {
	const entries = outline
		.map((entry, order) => ({entry, order}))
		.sort(
			(a, b) =>
				a.entry.page - b.entry.page ||
				(b.entry.y ?? Infinity) - (a.entry.y ?? Infinity) ||
				a.order - b.order,
		)
		.map(({entry}) => entry);
	// Each entry's first paragraph: both lists are in reading order, so one walk finds them all.
	const starts: number[] = [];
	let index = 0;
	for (const entry of entries) {
		while (index < paragraphs.length) {
			const paragraph = paragraphs[index]!;
			const reached =
				paragraph.page > entry.page ||
				(paragraph.page === entry.page &&
					(entry.y === undefined || paragraph.y <= entry.y + slack));
			if (reached) break;
			index++;
		}

		starts.push(index);
	}

	const chapters: PdfChapter[] = [];
	// Entries that all lead to the same few places (calibre's hidden AO3 headings all point to
	// the top of the first page) do not divide the text.
	if (new Set(starts).size * 2 < entries.length) return {front: [], chapters};
	let parts: ChapterPart[] = [];
	for (const [number, entry] of entries.entries()) {
		const start = starts[number]!;
		const end = starts[number + 1] ?? paragraphs.length;
		// An entry whose text is all in the entries below it (a part of a book) heads them.
		if (end <= start) {
			if (number + 1 < entries.length) parts.push({title: entry.title, depth: entry.depth});
			continue;
		}

		let body = paragraphs.slice(start, end);
		if (body[0]?.kind === 'heading' && sameTitle(body[0].text, entry.title)) body = body.slice(1);
		chapters.push({
			title: entry.title,
			depth: entry.depth,
			parts,
			paragraphs: body,
			fromHeading: false,
		});
		parts = [];
	}

	return {front: paragraphs.slice(0, starts[0] ?? paragraphs.length), chapters};
}

/** The size of chapter headings: the largest heading size that is used more than once. */
function chapterHeadingSize(paragraphs: PdfParagraph[]): number | undefined {
	const counts = new Map<number, number>();
	for (const paragraph of paragraphs) {
		if (paragraph.kind !== 'heading') continue;
		const size = Math.round(paragraph.size * 2) / 2;
		counts.set(size, (counts.get(size) ?? 0) + 1);
	}

	const sizes = [...counts].filter(([, count]) => count > 1).map(([size]) => size);
	return sizes.length > 0 ? sizes.reduce((a, b) => Math.max(a, b)) : undefined;
}

function byHeadings(paragraphs: PdfParagraph[]): PdfChapters {
	const size = chapterHeadingSize(paragraphs);
	if (size === undefined) return {front: [], chapters: []};
	const chapters: PdfChapter[] = [];
	let front: PdfParagraph[] = [];
	let current: PdfChapter | undefined;
	for (const paragraph of paragraphs) {
		if (paragraph.kind === 'heading' && Math.abs(paragraph.size - size) <= 0.5) {
			current = {title: paragraph.text, depth: 0, parts: [], paragraphs: [], fromHeading: true};
			chapters.push(current);
		} else if (current) current.paragraphs.push(paragraph);
		else front.push(paragraph);
	}

	// A title set larger than the chapters' headings, alone before them, is the front page's.
	if (front.length > 0 && chapters.length === 0) front = [];
	return {front, chapters};
}

/** The chapters; none when the PDF has neither an outline that leads into its text nor headings. */
export function chaptersOf(paragraphs: PdfParagraph[], outline: PdfOutlineEntry[]): PdfChapters {
	if (outline.length > 0) {
		const found = byOutline(paragraphs, outline);
		if (found.chapters.length > 0) return found;
	}

	return byHeadings(paragraphs);
}
