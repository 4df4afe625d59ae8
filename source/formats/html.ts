// Any other HTML: the title from <title> or a lone h1, chapters from the headings that repeat;
// Project Gutenberg's header names the author, and its licence after the book is an end note.

import {chapterDraft, type ChapterDraft, type WorkDraft, emptyDraft} from '../work/draft.ts';
import {emptyMeta} from '../work/types.ts';
import {applyGutenbergHeader, gutenbergBounds, gutenbergMatter} from './gutenberg.ts';
import {deepNestingWarning} from './bounded-parser.ts';
import {htmlBlocks, type HtmlBlock, draftBlock} from './html-blocks.ts';

export function parseHtml(html: string, path: string): WorkDraft {
	let blocks: HtmlBlock[] = [];
	let title = '';
	const dropped = htmlBlocks(html, (block) => blocks.push(block), {
		onTitle: (text) => {
			title ||= text;
		},
	});
	// Project Gutenberg's header and licence are front and back matter, not story.
	const gutenberg = gutenbergBounds(blocks.map((block) => block.text));
	const header = gutenberg ? blocks.slice(0, gutenberg.start) : [];
	const licence = gutenberg ? blocks.slice(gutenberg.end) : [];
	if (gutenberg) blocks = blocks.slice(gutenberg.start, gutenberg.end);
	const headings = blocks.filter((block) => block.kind === 'heading');
	const level1 = headings.filter((block) => block.level === 1);
	const titleHeading = level1.length === 1 ? level1[0] : undefined;
	const levels = headings
		.filter((block) => block !== titleHeading)
		.map((block) => block.level ?? 6);
	// A loop, not Math.min(...levels): a file may hold more headings than a call takes arguments.
	const chapterLevel = levels.reduce((lowest, level) => Math.min(lowest, level), levels[0] ?? 0);
	const meta = emptyMeta(
		titleHeading?.text || title || (path.split(/[\\/]/).at(-1) ?? path).replace(/\.[^.]+$/, ''),
	);
	const draft = emptyDraft('html', meta);
	if (dropped > 0) draft.warnings.push(deepNestingWarning(dropped));
	if (gutenberg) {
		applyGutenbergHeader(header.map((block) => block.text).join('\n'), meta);
		draft.notes = gutenbergMatter(header.map((block) => block.text));
		draft.endNotes = gutenbergMatter(licence.map((block) => block.text));
	}

	let chapter: ChapterDraft | undefined;
	for (const block of blocks) {
		if (block === titleHeading) continue;

		if (block.kind === 'heading' && block.level === chapterLevel) {
			chapter = chapterDraft(block.text, []);
			draft.chapters.push(chapter);
			continue;
		}

		if (!chapter) {
			chapter = chapterDraft(meta.title, [], false);
			draft.chapters.push(chapter);
		}

		chapter.body.push(draftBlock(block));
	}

	return draft;
}
