// Markdown: front matter for the work's details, "#" headings for chapters, AO3's note headings for notes.

import {
	chapterDraft,
	type ChapterDraft,
	type DraftBlock,
	type WorkDraft,
	emptyDraft,
} from '../work/draft.ts';
import {emptyMeta} from '../work/types.ts';
import {readFrontMatter} from './front-matter.ts';
import {headingOf, markdownBlocks} from './markdown-blocks.ts';
import {referenceLabels} from './markdown-references.ts';

type NoteKind =
	| 'summary'
	| 'notes'
	| 'chapter summary'
	| 'chapter notes'
	| 'chapter end notes'
	| 'end notes'
	| 'text';

const noteHeadings: Record<string, NoteKind> = {
	summary: 'summary',
	notes: 'notes',
	'chapter summary': 'chapter summary',
	'chapter notes': 'chapter notes',
	'chapter end notes': 'chapter end notes',
	'end notes': 'end notes',
	// AO3's hidden landmarks: the text goes on after them.
	'chapter text': 'text',
	'work text': 'text',
};

/** How every note heading starts once the marks and spaces before it are gone: s, n, c, e or w. */
const noteStart = /^[\s*_:]*[censw]/i;

function noteKind(heading: string): NoteKind | undefined {
	// Most headings are chapters: no need to make three strings of each to know that.
	if (!noteStart.test(heading)) return undefined;
	return noteHeadings[heading.replace(/[*_:]/g, '').trim().toLowerCase()];
}

type Heading = {index: number; level: number; text: string; note?: NoteKind};

/** Where the blocks under a note heading go, by where the heading stands. */
function noteTarget(
	note: NoteKind,
	draft: WorkDraft,
	chapter: ChapterDraft | undefined,
): DraftBlock[] {
	if (!chapter)
		return note === 'summary' ? draft.summary : note === 'end notes' ? draft.endNotes : draft.notes;
	switch (note) {
		case 'summary':
		case 'chapter summary':
			return chapter.summary;
		case 'chapter notes':
			return chapter.notes;
		case 'chapter end notes':
			return chapter.endNotes;
		case 'end notes':
			return draft.endNotes;
		case 'notes':
			// Before the chapter's text they are its notes; after it, its end notes.
			return chapter.body.length === 0 ? chapter.notes : chapter.endNotes;
		case 'text':
			return chapter.body;
	}
}

export function parseMarkdown(text: string, path: string): WorkDraft {
	return parseMarkdownLines(text.split('\n'), path);
}

/** Markdown from its lines, which are read, not changed. */
export function parseMarkdownLines(lines: string[], path: string): WorkDraft {
	const meta = emptyMeta((path.split(/[\\/]/).at(-1) ?? path).replace(/\.[^.]+$/, ''));
	const draft = emptyDraft('markdown', meta);
	const fileTitle = meta.title;
	const front = readFrontMatter(lines, meta);
	const markdown = {markdown: true, references: referenceLabels(lines, front.end)};
	if (front.summary) draft.summary = markdownBlocks(front.summary.split('\n'), markdown);
	if (front.notes) draft.notes = markdownBlocks(front.notes.split('\n'), markdown);
	const headings: Heading[] = [];
	for (let index = front.end; index < lines.length; index++) {
		const heading = headingOf(lines[index]!);
		if (heading) {
			const {level, text} = heading;
			headings.push({index, level, text, note: noteKind(text)});
		}
	}

	// The title is a lone top-level heading; chapters are the next level that repeats.
	const level1 = headings.filter((heading) => heading.level === 1 && !heading.note);
	const titleHeading = level1.length === 1 ? level1[0] : undefined;
	if (titleHeading && meta.title === fileTitle) meta.title = titleHeading.text;
	let chapterLevel = 7;
	for (const heading of headings) {
		if (heading !== titleHeading && !heading.note)
			chapterLevel = Math.min(chapterLevel, heading.level);
	}

	const markers = headings.filter((heading) => heading.note || heading.level === chapterLevel);
	const bodyStart = titleHeading ? titleHeading.index + 1 : front.end;
	const opening = markdownBlocks(lines, markdown, bodyStart, markers[0]?.index ?? lines.length);
	if (opening.length > 0) draft.chapters.push(chapterDraft(meta.title, opening, false));
	let chapter: ChapterDraft | undefined;
	for (const [number, marker] of markers.entries()) {
		const end = markers[number + 1]?.index ?? lines.length;
		const blocks = markdownBlocks(lines, markdown, marker.index + 1, end);
		if (!marker.note || (marker.note === 'text' && !chapter)) {
			chapter = marker.note
				? chapterDraft(meta.title, blocks, false)
				: chapterDraft(marker.text, blocks);
			draft.chapters.push(chapter);
			continue;
		}

		const target = noteTarget(marker.note, draft, chapter);
		for (const block of blocks) target.push(block);
	}

	return draft;
}
