// Any other HTML: the title from <title> or a lone h1, chapters from the headings that repeat;
// Project Gutenberg's header names the author, and its licence after the book is an end note.

import {
	chapterDraft,
	type ChapterDraft,
	type DraftBlock,
	type WorkDraft,
	emptyDraft,
} from '../work/draft.ts';
import {emptyMeta} from '../work/types.ts';
import {applyGutenbergHeader, gutenbergBounds, gutenbergMatter} from './gutenberg.ts';
import {deepNestingWarning} from './bounded-parser.ts';
import {htmlBlocks, draftBlock} from './html-blocks.ts';

export function parseHtml(html: string, path: string): WorkDraft {
	// Only what the Work keeps, and each heading's level (0: not a heading): the parser's blocks
	// carry their elements and ancestors, far too much to hold for a file of 200,000 headings.
	const blocks: DraftBlock[] = [];
	const levels: number[] = [];
	let title = '';
	const dropped = htmlBlocks(
		html,
		(block) => {
			blocks.push(draftBlock(block));
			levels.push(block.kind === 'heading' ? (block.level ?? 6) : 0);
		},
		{
			onTitle: (text) => {
				title ||= text;
			},
		},
	);
	// Project Gutenberg's header and licence are front and back matter, not story.
	const gutenberg = gutenbergBounds(blocks.map((block) => block.text));
	const start = gutenberg?.start ?? 0;
	const end = gutenberg?.end ?? blocks.length;
	let level1 = 0;
	let titleIndex = -1;
	for (let index = start; index < end; index++) {
		if (levels[index] === 1) {
			level1++;
			titleIndex = index;
		}
	}

	if (level1 !== 1) titleIndex = -1;
	// A loop, not Math.min(...levels): a file may hold more headings than a call takes arguments.
	let chapterLevel = 0;
	for (let index = start; index < end; index++) {
		const level = levels[index]!;
		if (level > 0 && index !== titleIndex && (chapterLevel === 0 || level < chapterLevel))
			chapterLevel = level;
	}

	const meta = emptyMeta(
		blocks[titleIndex]?.text ||
			title ||
			(path.split(/[\\/]/).at(-1) ?? path).replace(/\.[^.]+$/, ''),
	);
	const draft = emptyDraft('html', meta);
	if (dropped > 0) draft.warnings.push(deepNestingWarning(dropped));
	if (gutenberg) {
		const header = blocks.slice(0, start).map((block) => block.text);
		applyGutenbergHeader(header.join('\n'), meta);
		draft.notes = gutenbergMatter(header);
		draft.endNotes = gutenbergMatter(blocks.slice(end).map((block) => block.text));
	}

	let chapter: ChapterDraft | undefined;
	for (let index = start; index < end; index++) {
		if (index === titleIndex) continue;
		const block = blocks[index]!;
		if (levels[index] === chapterLevel && chapterLevel > 0) {
			chapter = chapterDraft(block.text, []);
			draft.chapters.push(chapter);
			continue;
		}

		if (!chapter) {
			chapter = chapterDraft(meta.title, [], false);
			draft.chapters.push(chapter);
		}

		chapter.body.push(block);
	}

	return draft;
}
