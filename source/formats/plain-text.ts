// Plain text: chapters from heading lines, paragraphs from blank lines, Gutenberg's wrapper set apart.

import {chapterDraft, type ChapterDraft, type WorkDraft, emptyDraft} from '../work/draft.ts';
import {emptyMeta, type WorkMeta} from '../work/types.ts';
import {applyGutenbergHeader, gutenbergBounds} from './gutenberg.ts';
import {findHeadings, type TextHeading} from './text-headings.ts';
import {isBlank, paragraphsFromLines} from './text-lines.ts';
import {arrayLines, lineRange, type LineList} from '../work/line-list.ts';

/**
 * Chapters between the headings. A part heading ("BOOK II") with no text of its own before its
 * first chapter names the chapters under it ("BOOK II — CHAPTER I"), since their numbers start
 * again; in a text of parts alone, the parts are the chapters. Each chapter's lines are taken as
 * it is made, so that a long work's lines and its paragraphs are never both whole.
 */
function chaptersFromLines(lines: LineList, title: string): ChapterDraft[] {
	const headings = findHeadings(lines);
	const hasChapters = headings.some((heading) => heading.kind !== 'part');
	const chapters: ChapterDraft[] = [];
	const firstStart = headings[0]?.start ?? lines.length;
	const opening = paragraphsFromLines(lines.take(0, firstStart));
	if (opening.length > 0) chapters.push(chapterDraft(title, opening, false));
	let part: string | undefined;
	for (const [index, heading] of headings.entries()) {
		const end = headings[index + 1]?.start ?? lines.length;
		lines.release(heading.start, heading.end);
		const body = paragraphsFromLines(lines.take(heading.end, end));
		if (heading.kind === 'part' && hasChapters) {
			part = heading.title;
			if (body.length === 0) continue;
		}

		chapters.push(chapterDraft(chapterTitle(heading, part), body));
	}

	return chapters;
}

function chapterTitle(heading: TextHeading, part: string | undefined): string {
	return part && heading.kind !== 'part' ? `${part} — ${heading.title}` : heading.title;
}

function titleFromPath(path: string): string {
	const name = path.split(/[\\/]/).at(-1) ?? path;
	return (
		name
			.replace(/\.[^.]+$/, '')
			.replace(/[_-]+/g, ' ')
			.trim() || 'Untitled'
	);
}

/**
 * A line that reads as a title rather than a one-line opening paragraph: short, not speech, and
 * its longer words capitalised (or in a script without case).
 */
function looksLikeTitle(text: string): boolean {
	const words = text.split(/\s+/);
	if (text.length > 60 || words.length > 10 || /^["'“‘«„(\-–—]/.test(text)) return false;
	if (!/\p{L}/u.test(text)) return false;
	if (/[.!?,;:…]["'”’»)]?$/.test(text)) return false;
	return words.every((word) => !/^\p{Ll}\p{L}{3}/u.test(word));
}

// A front-matter heading ("CONTENTS", "Preface") names a part of the book, not the book.
const frontMatterName =
	/^(?:(?:table of )?contents|preface|foreword|introduction|dedication|epigraph|acknowledge?ments|(?:author'?s |translator'?s )?notes?)$/i;

/** Whether a chapter heading starts at the first of these lines. */
function headingStartsAt(lines: LineList, start: number): boolean {
	return findHeadings(lineRange(lines, start, start + 12)).some((heading) => heading.start === 0);
}

/**
 * A title (and "by" line) at the very top: a short first line set off by two blank lines, or
 * followed by a byline, or by one blank line when it reads as a title or a chapter heading
 * follows. Returns how many lines they take.
 */
function titleLines(lines: LineList, meta: WorkMeta): number {
	let first = 0;
	while (first < lines.length && isBlank(lines.line(first))) first++;
	if (first === lines.length) return 0;
	const title = lines.line(first).trim();
	if (
		title.length > 80 ||
		/[.!?,;:]$/.test(title) ||
		findHeadings(arrayLines([title])).length > 0
	) {
		return 0;
	}

	let next = first + 1;
	while (next < lines.length && isBlank(lines.line(next))) next++;
	const byline = /^by\s+(.+)$/i.exec(lines.line(next).trim());
	if (!byline && next === first + 1) return 0;
	if (byline && isBlank(lines.line(next + 1))) {
		meta.title = title;
		meta.authors = byline[1]!.split(/,\s+|\s+and\s+/);
		return next + 1;
	}

	const oneBlank = next === first + 2 && next < lines.length && !frontMatterName.test(title);
	if (next - first >= 3 || (oneBlank && (looksLikeTitle(title) || headingStartsAt(lines, next)))) {
		meta.title = title;
		return next;
	}

	return 0;
}

export function parsePlainText(text: string, path: string): WorkDraft {
	return parsePlainTextLines(arrayLines(text.split('\n')), path);
}

/**
 * The same from the text's lines, as a large file is read (see FileLines): taken in the order
 * they come, so that the texts made of them can be kept where their lines were.
 */
export function parsePlainTextLines(all: LineList, path: string): WorkDraft {
	const meta = emptyMeta(titleFromPath(path));
	const draft = emptyDraft('text', meta);
	const gutenberg = gutenbergBounds(all.length, (index) => all.line(index));
	if (gutenberg) {
		// Project Gutenberg's header and licence: front and back matter, not story.
		const header = all.take(0, gutenberg.start);
		applyGutenbergHeader(header.join('\n'), meta);
		draft.notes = paragraphsFromLines(header);
		draft.chapters = chaptersFromLines(lineRange(all, gutenberg.start, gutenberg.end), meta.title);
		draft.endNotes = paragraphsFromLines(all.take(gutenberg.end, all.length));
		return draft;
	}

	const skipped = titleLines(all, meta);
	draft.titlePage = skipped > 0;
	all.release(0, skipped);
	draft.chapters = chaptersFromLines(lineRange(all, skipped, all.length), meta.title);
	return draft;
}
