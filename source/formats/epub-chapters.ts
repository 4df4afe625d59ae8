// A generic EPUB's chapters where its contents point (a document, or an element inside one), with parts.

import {chapterDraft, type ChapterDraft, type DraftBlock} from '../work/draft.ts';
import type {EpubPackage, TocEntry} from './epub-container.ts';
import {type HtmlBlock, htmlBlocks} from './html-blocks.ts';
import {draftBlock} from './html-draft-block.ts';
import {isNote} from './html-elements.ts';

type Segment = {
	/** The contents entry that starts here; -1 for what comes before the first one. */
	entry: number;
	/** The document it starts in. */
	path: string;
	blocks: DraftBlock[];
	notes: DraftBlock[];
	/** For what comes before the first entry: where the last document it reaches begins. */
	lastDocument?: {path: string; start: number};
};

function inNote(block: HtmlBlock): boolean {
	return (block.element !== undefined && isNote(block.element)) || block.ancestors.some(isNote);
}

/** Entries by the place they point at: document path, then fragment ('' for the whole document). */
function targetsOf(toc: TocEntry[], spine: Set<string>): Map<string, Map<string, number[]>> {
	const targets = new Map<string, Map<string, number[]>>();
	for (const [index, entry] of toc.entries()) {
		const hash = entry.href.indexOf('#');
		const path = hash === -1 ? entry.href : entry.href.slice(0, hash);
		if (!spine.has(path)) continue;
		const fragment = hash === -1 ? '' : entry.href.slice(hash + 1);
		let byFragment = targets.get(path);
		if (!byFragment) targets.set(path, (byFragment = new Map()));
		const list = byFragment.get(fragment) ?? [];
		// Two titles for the same place at the same depth: the first one names it.
		if (list.some((other) => toc[other]!.depth === entry.depth)) continue;
		list.push(index);
		byFragment.set(fragment, list);
	}

	return targets;
}

const imageOnly = /^\[image(?::[^\]]*)?\]$/;

/** Whether a stretch holds words to read, not only headings, rules, blank space or pictures. */
function hasText(blocks: DraftBlock[]): boolean {
	return blocks.some(
		(block) =>
			block.kind !== 'heading' &&
			block.kind !== 'spacer' &&
			block.kind !== 'break' &&
			!imageOnly.test(block.text),
	);
}

const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether the document's own heading, among the chapter's first blocks, already says its title. */
function ownHeadingSays(title: string, blocks: DraftBlock[]): boolean {
	const wanted = comparable(title);
	if (!wanted) return false;
	for (const block of blocks) {
		if (block.kind === 'spacer' || imageOnly.test(block.text)) continue;
		if (block.kind !== 'heading') return false;
		const heading = comparable(block.text);
		const [shorter, longer] =
			heading.length < wanted.length ? [heading, wanted] : [wanted, heading];
		if (shorter === longer || (shorter.length > 1 && longer.includes(shorter))) return true;
	}

	return false;
}

/** Reads the spine into stretches, one per contents entry, each from the place it points at. */
function segmentsOf(pkg: EpubPackage): Segment[] {
	const targets = targetsOf(pkg.toc, new Set(pkg.spine));
	let current: Segment = {entry: -1, path: '', blocks: [], notes: []};
	const segments = [current];
	const begun = new Set<number>();
	let path = '';
	const begin = (entries: number[] | undefined) => {
		for (const entry of entries ?? []) {
			if (begun.has(entry)) continue;
			begun.add(entry);
			current = {entry, path, blocks: [], notes: []};
			segments.push(current);
		}
	};

	for (const document of pkg.spine) {
		path = document;
		if (current.entry === -1) current.lastDocument = {path, start: current.blocks.length};
		const fragments = targets.get(path);
		begin(fragments?.get(''));
		htmlBlocks(
			pkg.text(path),
			(block) => {
				if (fragments) for (const id of block.ids) begin(fragments.get(id));
				(inNote(block) ? current.notes : current.blocks).push(draftBlock(block));
			},
			{xpathRoot: pkg.xpathRoot(path)},
		);
	}

	return segments;
}

/**
 * Chapters, one per contents entry that has text of its own. An entry whose stretch holds only
 * headings opens the chapter after it instead when that chapter is nested in it (a part: a row
 * above its chapters in the contents) or is as bare and in the same document (a title set as two
 * headings, each with its entry). What comes before the first entry in its
 * document opens the first chapter too; in documents of its own, it is a chapter without a title.
 */
export function epubChapters(pkg: EpubPackage, title: string): ChapterDraft[] {
	const {toc} = pkg;
	const chapters: ChapterDraft[] = [];
	let carried: DraftBlock[] = [];
	/** Titles of the text-less entries carried into the next chapter at the same depth. */
	let carriedTitles: string[] = [];
	/** The contents entries already shown, as chapters or parts. */
	let shownUpTo = -1;
	const segments = segmentsOf(pkg);
	for (const [index, segment] of segments.entries()) {
		const entry = toc[segment.entry];
		const next = segments[index + 1];
		if (!entry) {
			const split =
				next && segment.lastDocument?.path === next.path
					? segment.lastDocument.start
					: segment.blocks.length;
			const front = segment.blocks.slice(0, split);
			if (hasText(front) || segment.notes.length > 0) {
				const chapter = chapterDraft(title, front, false);
				chapter.endNotes = segment.notes;
				chapters.push(chapter);
			}

			carried = segment.blocks.slice(split);
			continue;
		}

		const blocks = carried.length > 0 ? [...carried, ...segment.blocks] : segment.blocks;
		const nested = (toc[segment.entry + 1]?.depth ?? -1) > entry.depth;
		if (
			next &&
			!hasText(segment.blocks) &&
			segment.notes.length === 0 &&
			(nested || (next.path === segment.path && !hasText(next.blocks)))
		) {
			if (!nested && entry.label) carriedTitles.push(entry.label);
			carried = blocks;
			continue;
		}

		const label = [...carriedTitles, entry.label].filter(Boolean).join(' ');
		const chapter = chapterDraft(label || title, blocks);
		chapter.endNotes = segment.notes;
		if (entry.depth > 0) chapter.depth = entry.depth;
		const parts = toc
			.slice(shownUpTo + 1, segment.entry)
			.filter((part) => part.label && (part.depth < entry.depth || !part.href))
			.map((part) => ({title: part.label, depth: part.depth}));
		if (parts.length > 0) chapter.parts = parts;
		shownUpTo = segment.entry;
		if (ownHeadingSays(entry.label, segment.blocks)) {
			chapter.showTitle = false;
		} else if (carried.length > 0) {
			// What was carried comes first, then the chapter's title.
			chapter.showTitle = false;
			blocks.splice(carried.length, 0, {kind: 'heading', text: chapter.title, center: true});
		}

		carried = [];
		carriedTitles = [];
		chapters.push(chapter);
	}

	return chapters;
}

/**
 * Without contents (no nav, no NCX, or none of its entries in the book): a chapter for each spine
 * document with text, named by its first heading, or by the work when it has none. A document
 * without text (a title page's picture) opens the chapter after it.
 */
export function spineChapters(pkg: EpubPackage, title: string): ChapterDraft[] {
	const chapters: ChapterDraft[] = [];
	let carried: DraftBlock[] = [];
	for (const path of pkg.spine) {
		const blocks = carried;
		const notes: DraftBlock[] = [];
		htmlBlocks(
			pkg.text(path),
			(block) => (inNote(block) ? notes : blocks).push(draftBlock(block)),
			{xpathRoot: pkg.xpathRoot(path)},
		);
		carried = [];
		if (!hasText(blocks) && notes.length === 0) {
			carried = blocks;
			continue;
		}

		const first = blocks.find((block) => block.kind !== 'spacer' && !imageOnly.test(block.text));
		const chapter = chapterDraft(first?.kind === 'heading' ? first.text : title, blocks, false);
		chapter.endNotes = notes;
		chapters.push(chapter);
	}

	if (carried.length > 0) chapters.at(-1)?.body.push(...carried);
	return chapters;
}
