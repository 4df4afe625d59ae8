// Lays a WorkDraft flat into a Work: front page, chapters, notes, sections and prefix sums; its
// text is made safe once, on the way in (sanitise-draft.ts).

import {createHash} from 'node:crypto';
import {chapterDraft, type ChapterDraft, type DraftBlock, type WorkDraft} from './draft.ts';
import {sanitiseDraft} from './sanitise-draft.ts';
import {markSceneBreaks} from './scene-breaks.ts';
import type {Block, BlockPart, Chapter, Section, Work, WorkMeta} from './types.ts';
import {countWords} from './words.ts';

/** Paragraphs longer than this are cut into pieces so that no single block is costly to wrap. */
const maxBlockChars = 4000;

function blocksText(blocks: DraftBlock[]): string {
	return blocks
		.filter((block) => block.kind !== 'spacer')
		.map((block) => block.text)
		.join('\n\n');
}

/** The runs (styles, ruby) that fall in `start`…`end`, relative to `start`. */
function runsWithin<T extends {start: number; end: number}>(
	runs: T[] | undefined,
	start: number,
	end: number,
): T[] | undefined {
	return runs
		?.filter((run) => run.end > start && run.start < end)
		.map((run) => ({
			...run,
			start: Math.max(run.start, start) - start,
			end: Math.min(run.end, end) - start,
		}));
}

function splitLongBlock(block: Block): Block[] {
	if (block.kind === 'break') return [block];
	// Read once: in the parse worker a block's text is decoded from its store at each reading.
	const {text} = block;
	if (text.length <= maxBlockChars) return [block];
	const pieces: Block[] = [];
	let start = 0;
	while (start < text.length) {
		let end = Math.min(start + maxBlockChars, text.length);
		if (end < text.length) {
			const space = text.lastIndexOf(' ', end);
			if (space > start + maxBlockChars / 2) end = space + 1;
			else if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
		}

		const styles = runsWithin(block.styles, start, end);
		const ruby = runsWithin(block.ruby, start, end);
		const piece: Block = {...block, text: text.slice(start, end)};
		if (styles?.length) piece.styles = styles;
		else delete piece.styles;
		if (ruby?.length) piece.ruby = ruby;
		else delete piece.ruby;
		if (start > 0) piece.continued = true;
		pieces.push(piece);
		start = end;
	}

	return pieces;
}

/** Who counted the words a file states: ficterm counts its own, shown as the work's words elsewhere. */
function counter(meta: WorkMeta): string {
	if (meta.ao3Id) return 'AO3';
	const host = /^[a-z]+:\/\/(?:www\.)?([^/:?#]+)/i.exec(meta.sourceUrl ?? '')?.[1];
	return host ?? 'the file';
}

function frontPage(draft: WorkDraft, meta: WorkMeta): DraftBlock[] {
	const blocks: DraftBlock[] = [];
	const hasMeta =
		draft.titlePage ||
		meta.authors.length > 0 ||
		meta.fandoms.length > 0 ||
		meta.tags.length > 0 ||
		draft.summary.length > 0 ||
		draft.notes.length > 0;
	if (!hasMeta) return blocks;
	blocks.push({kind: 'heading', text: meta.title || 'Untitled', center: true});
	if (meta.authors.length > 0) {
		blocks.push({kind: 'paragraph', text: `by ${meta.authors.join(', ')}`, center: true});
	}

	const rows: Array<[string, string[] | string | undefined]> = [
		['Rating', meta.rating],
		['Warnings', meta.warnings],
		['Category', meta.categories],
		['Fandom', meta.fandoms],
		['Relationships', meta.relationships],
		['Characters', meta.characters],
		['Series', meta.series],
		['Language', meta.language],
	];
	for (const [label, value] of rows) {
		const text = Array.isArray(value) ? value.join(', ') : value;
		if (text) blocks.push({kind: 'label', text: `${label}: ${text}`, styles: boldLabel(label)});
	}

	if (meta.tags.length > 0) {
		blocks.push({
			kind: 'label',
			text: `Tags: ${meta.tags.join(', ')}`,
			styles: boldLabel('Tags'),
			folded: true,
		});
	}

	// The file's own word count says whose it is: ficterm's count (status, contents, i) may differ.
	const stats = [
		meta.published && `Published ${meta.published}`,
		meta.completed && `Completed ${meta.completed}`,
		meta.updated && `Updated ${meta.updated}`,
		meta.words !== undefined &&
			`${meta.words.toLocaleString('en')} words by ${counter(meta)}'s count`,
		meta.chapterCount && `Chapters ${meta.chapterCount}`,
	].filter(Boolean);
	if (stats.length > 0) blocks.push({kind: 'label', text: stats.join(' · ')});
	// The tag rows read as one table: no blank line between them.
	for (const [index, block] of blocks.entries()) {
		if (block.kind === 'label' && blocks[index - 1]?.kind === 'label') block.continued = true;
	}
	if (draft.summary.length > 0) {
		blocks.push({kind: 'label', text: 'Summary', styles: boldLabel('Summary')});
		for (const block of draft.summary) blocks.push(block);
	}

	if (draft.notes.length > 0) {
		blocks.push({kind: 'label', text: 'Notes', styles: boldLabel('Notes')});
		for (const block of draft.notes) blocks.push(block);
	}

	return blocks;
}

function boldLabel(label: string): Block['styles'] {
	return [{start: 0, end: label.length, style: 'bold'}];
}

/** Calls `place` with each block of a note group, after its label; nothing when it is empty. */
function placeNotes(
	label: string,
	blocks: DraftBlock[],
	place: (block: DraftBlock, part: BlockPart) => void,
): void {
	if (blocks.length === 0) return;
	place({kind: 'label', text: label, styles: boldLabel(label)}, 'note');
	for (const block of blocks) place(block, 'note');
}

/** Calls `place` with each block of a chapter in order; no array of pairs per block. */
function placeChapter(
	chapter: ChapterDraft,
	place: (block: DraftBlock, part: BlockPart) => void,
): void {
	if (chapter.showTitle) {
		// Made with its part, which then sits in the block itself rather than in a store of its own.
		const heading: Block = {kind: 'heading', part: 'story', text: chapter.title, center: true};
		place(heading, 'story');
	}

	placeNotes('Chapter Summary', chapter.summary, place);
	placeNotes('Chapter Notes', chapter.notes, place);
	for (const block of chapter.body) place(block, 'story');
	placeNotes('Chapter End Notes', chapter.endNotes, place);
}

const countedKinds = new Set(['paragraph', 'quote', 'list-item']);

export function isStoryText(block: Block): boolean {
	return block.part === 'story' && countedKinds.has(block.kind);
}

/** How many opening words name a work that has no AO3 id. */
const identityWords = 1000;

function openingWords(blocks: Block[]): string[] {
	const words: string[] = [];
	for (const block of blocks) {
		if (!isStoryText(block)) continue;
		for (const word of block.text.normalize('NFKC').toLowerCase().split(/\s+/)) {
			const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
			if (letters) words.push(letters);
		}

		if (words.length >= identityWords) break;
	}

	return words.slice(0, identityWords);
}

function identity(meta: WorkMeta, blocks: Block[]): string {
	if (meta.ao3Id) return `ao3:${meta.ao3Id}`;
	// The opening words, not the whole text, so that a work in progress keeps its id as it grows.
	return `sha256:${createHash('sha256').update(openingWords(blocks).join(' ')).digest('hex').slice(0, 32)}`;
}

/** Whether the start of a work holds all it takes to name it: then its id is the whole work's id. */
export function identityIsComplete(work: Work): boolean {
	return work.id.startsWith('ao3:') || openingWords(work.blocks).length >= identityWords;
}

/** Draft blocks belong to the assembly, so they become Blocks in place rather than as copies. */
function asBlock(block: DraftBlock, part: BlockPart): Block {
	const placed = block as Block;
	placed.part = part;
	return placed;
}

export function assembleWork(draft: WorkDraft): Work {
	markSceneBreaks(draft.chapters.map((chapter) => chapter.body));
	sanitiseDraft(draft);
	const {meta} = draft;
	const blocks: Block[] = [];
	const push = (block: DraftBlock, part: BlockPart) => {
		const placed = asBlock(block, part);
		if (placed.text.length <= maxBlockChars) blocks.push(placed);
		else for (const piece of splitLongBlock(placed)) blocks.push(piece);
	};

	for (const block of frontPage(draft, meta)) push(block, 'front');
	const front = blocks.length > 0 ? {start: 0, end: blocks.length} : undefined;
	const chapters: Chapter[] = [];
	const sections: Section[] = [];
	const drafts = draft.chapters.length > 0 ? draft.chapters : [chapterDraft(meta.title, [], false)];
	draft.chapters = [];
	for (let index = 0; index < drafts.length; index++) {
		const chapter = drafts[index]!;
		// The draft belongs to the assembly too: each chapter's draft (an object and four arrays) is
		// let go of once laid, so that a work of 200,000 chapters never holds all of them and all of
		// the Work's chapters at once (headings.md: 72 MB less live at the end of assembling).
		drafts[index] = undefined as never;
		const start = blocks.length;
		let sectionStart = start;
		placeChapter(chapter, (block, part) => {
			push(block, part);
			if (block.kind === 'break' && part === 'story') {
				sections.push({chapter: chapters.length, start: sectionStart, end: blocks.length});
				sectionStart = blocks.length;
			}
		});

		if (blocks.length === start) push({kind: 'spacer', text: ''}, 'story');
		sections.push({chapter: chapters.length, start: sectionStart, end: blocks.length});
		const assembled: Chapter = {
			title: chapter.title.replace(/\s+/g, ' ').trim() || `Chapter ${chapters.length + 1}`,
			start,
			end: blocks.length,
		};
		if (chapter.depth) assembled.depth = chapter.depth;
		if (chapter.parts) {
			assembled.parts = chapter.parts.map((part) => ({
				...part,
				title: part.title.replace(/\s+/g, ' ').trim(),
			}));
		}

		chapters.push(assembled);
	}

	const backStart = blocks.length;
	placeNotes('End Notes', draft.endNotes, push);
	const back = blocks.length > backStart ? {start: backStart, end: blocks.length} : undefined;
	if (chapters.length > 0) chapters.at(-1)!.end = blocks.length;
	if (sections.length > 0) sections.at(-1)!.end = blocks.length;
	if (blocks.length === 0) push({kind: 'spacer', text: ''}, 'story');

	const charsBefore = new Float64Array(blocks.length + 1);
	const wordsBefore = new Float64Array(blocks.length + 1);
	for (const [index, block] of blocks.entries()) {
		charsBefore[index + 1] = charsBefore[index]! + block.text.length + 1;
		wordsBefore[index + 1] =
			wordsBefore[index]! + (isStoryText(block) ? countWords(block.text) : 0);
	}

	return {
		id: identity(meta, blocks),
		format: draft.format,
		meta,
		summary: blocksText(draft.summary),
		notes: blocksText(draft.notes),
		endNotes: blocksText(draft.endNotes),
		blocks,
		chapters,
		sections: sections.filter((section) => section.end > section.start),
		front,
		...(back ? {back} : {}),
		charsBefore,
		wordsBefore,
		warnings: draft.warnings,
	};
}
