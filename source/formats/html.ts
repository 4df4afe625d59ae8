// Any other HTML: the title from <title> or a lone h1, chapters from the headings that repeat;
// Project Gutenberg's header names the author, and its licence after the book is an end note.

import {chapterDraft, type ChapterDraft, type WorkDraft, emptyDraft} from '../work/draft.ts';
import {emptyMeta} from '../work/types.ts';
import {htmlBlocks, type HtmlBlock, draftBlock} from './html-blocks.ts';

export function parseHtml(html: string, path: string): WorkDraft {
	const blocks: HtmlBlock[] = [];
	let title = '';
	htmlBlocks(html, (block) => blocks.push(block), {
		onTitle: (text) => {
			title ||= text;
		},
	});
	const gutenberg = gutenbergParts(blocks);
	const headings = blocks.filter((block) => block.kind === 'heading');
	const level1 = headings.filter((block) => block.level === 1);
	const titleHeading = level1.length === 1 ? level1[0] : undefined;
	const levels = headings
		.filter((block) => block !== titleHeading)
		.map((block) => block.level ?? 6);
	const chapterLevel = levels.length > 0 ? Math.min(...levels) : 0;
	const meta = emptyMeta(
		titleHeading?.text || title || (path.split(/[\\/]/).at(-1) ?? path).replace(/\.[^.]+$/, ''),
	);
	if (gutenberg.author) meta.authors = [gutenberg.author];
	const draft = emptyDraft('html', meta);
	let chapter: ChapterDraft | undefined;
	for (const [index, block] of blocks.entries()) {
		if (block === titleHeading) continue;
		if (index >= gutenberg.end) {
			draft.endNotes.push(draftBlock(block));
			continue;
		}

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

const startLine = /\*\*\*\s*START OF (THE|THIS) PROJECT GUTENBERG EBOOK/i;
const endLine = /\*\*\*\s*END OF (THE|THIS) PROJECT GUTENBERG EBOOK/i;

/** Where Project Gutenberg's licence begins (blocks.length when it is not a Gutenberg book), and the author its header names. */
function gutenbergParts(blocks: HtmlBlock[]): {end: number; author?: string} {
	const start = blocks.findIndex((block) => startLine.test(block.text));
	if (start === -1) return {end: blocks.length};
	const end = blocks.findIndex((block, index) => index > start && endLine.test(block.text));
	let author: string | undefined;
	for (const block of blocks.slice(0, start + 1)) {
		author ??= /^Author:[ \t]*(\S.*?)\s*$/m.exec(block.text)?.[1];
	}

	return {end: end === -1 ? blocks.length : end, author};
}
