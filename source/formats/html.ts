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
import {htmlBlocks} from './html-blocks.ts';
import {draftBlock} from './html-draft-block.ts';

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
	// Project Gutenberg's header and licence are front and back matter, not story. Each text is
	// looked at on its own: in the parse worker they are stored (text-store.ts), not strings.
	const gutenberg = gutenbergBounds(blocks.length, (index) => blocks[index]!.text);
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

	// Each chapter's text is its stretch of the blocks, copied once: an array grown by push keeps
	// room for 17 blocks, and a file of 200,000 one-paragraph chapters would keep 200,000 of them.
	const bodyOf = (from: number, to: number) => {
		const body = blocks.slice(from, to);
		// The work's title (a lone h1) is no chapter's text.
		const title = blocks[titleIndex];
		return titleIndex >= from && titleIndex < to ? body.filter((block) => block !== title) : body;
	};

	let chapter: ChapterDraft | undefined;
	/** Where the text of the chapter open now (or of the text before any chapter) starts. */
	let from = start;
	const close = (to: number) => {
		const body = bodyOf(from, to);
		if (chapter) chapter.body = body;
		else if (body.length > 0) draft.chapters.push(chapterDraft(meta.title, body, false));
	};

	for (let index = start; index < end; index++) {
		if (index === titleIndex || chapterLevel === 0 || levels[index] !== chapterLevel) continue;
		close(index);
		chapter = chapterDraft(blocks[index]!.text, []);
		draft.chapters.push(chapter);
		from = index + 1;
	}

	close(end);
	return draft;
}
