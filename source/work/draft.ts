// What a format adapter returns: the work's parts in reading order, before they are laid flat.

import {emptyMeta, type Block, type ChapterPart, type Format, type WorkMeta} from './types.ts';

/** A block as an adapter sees it; the assembler decides its part. */
export type DraftBlock = Omit<Block, 'part'>;

export type ChapterDraft = {
	title: string;
	/** Whether the title is shown as a heading (a single untitled chapter has none). */
	showTitle: boolean;
	summary: DraftBlock[];
	notes: DraftBlock[];
	body: DraftBlock[];
	endNotes: DraftBlock[];
	/** Nesting in the file's own contents, where it has parts (see Chapter). */
	depth?: number;
	parts?: ChapterPart[];
};

export type WorkDraft = {
	format: Format;
	meta: WorkMeta;
	summary: DraftBlock[];
	notes: DraftBlock[];
	chapters: ChapterDraft[];
	endNotes: DraftBlock[];
	warnings: string[];
	/** Show a title page even when there is nothing but a title (the file named it itself). */
	titlePage?: boolean;
};

export function paragraph(text: string, extra: Partial<DraftBlock> = {}): DraftBlock {
	return {kind: 'paragraph', text, ...extra};
}

export function chapterDraft(title: string, body: DraftBlock[], showTitle = true): ChapterDraft {
	return {title, showTitle, summary: [], notes: [], body, endNotes: []};
}

/** A draft with nothing in it yet, for an adapter to fill. */
export function emptyDraft(format: Format, meta: WorkMeta = emptyMeta()): WorkDraft {
	return {format, meta, summary: [], notes: [], chapters: [], endNotes: [], warnings: []};
}
