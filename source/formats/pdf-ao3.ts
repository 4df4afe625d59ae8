// An AO3 work's PDF (calibre's print of AO3's HTML download): the preface's tags, title, authors,
// summary and notes, each chapter's summary and notes, and the end notes, told by AO3's labels.

import type {ChapterDraft, DraftBlock, WorkDraft} from '../work/draft.ts';
import {
	addAo3Value,
	ao3Authors,
	ao3WorkId,
	downloadNoteLabels,
	postedOriginally,
	setAo3WorkId,
	type DownloadNote,
} from './ao3-vocabulary.ts';
import type {PdfLayout} from './pdf-layout.ts';
import type {PdfParagraph} from './pdf-paragraphs.ts';

/** How far into the file AO3's "Posted originally…" line may be. */
const prefaceParagraphs = 60;
const seeEndNotes = /^See the end of the (work|chapter) for /i;
/** What follows the end notes in AO3's afterword: links and a request, not the work. */
const afterwordTrailer = /^(Works inspired by this one:|Please drop by the Archive and comment)/;
/**
 * The preface's tag labels. Calibre sets each label above its value, or beside it on the same
 * line (with AO3's current stylesheet), where the lines run together into one paragraph.
 */
const tagLabels =
	/(?:^|\s)(Ratings?|Archive Warnings?|Categor(?:y|ies)|Fandoms?|Relationships?|Characters?|Additional Tags|Language|Series|Collections|Stats):(?:\s+|$)/;

/** The AO3 work id, when the PDF opens with AO3's "Posted originally on the Archive…" line. */
export function ao3PdfWorkId(paragraphs: PdfParagraph[]): string | undefined {
	for (const paragraph of paragraphs.slice(0, prefaceParagraphs)) {
		if (postedOriginally.test(paragraph.text)) return ao3WorkId(paragraph.text);
	}

	return undefined;
}

function noteLabel(text: string): DownloadNote | undefined {
	const key = text.toLowerCase().replace(/:$/, '');
	return Object.hasOwn(downloadNoteLabels, key)
		? downloadNoteLabels[key as keyof typeof downloadNoteLabels]
		: undefined;
}

/** Where most of the text's characters start their lines. */
function mostCommonX(paragraphs: PdfParagraph[]): number {
	const weights = new Map<number, number>();
	for (const paragraph of paragraphs) {
		const x = Math.round(paragraph.x);
		weights.set(x, (weights.get(x) ?? 0) + paragraph.text.length);
	}

	let best = 0;
	let bestWeight = -1;
	for (const [x, weight] of weights) if (weight > bestWeight) [best, bestWeight] = [x, weight];
	return best;
}

export function draftBlock(paragraph: PdfParagraph): DraftBlock {
	if (paragraph.kind === 'break') return {kind: 'break', text: '', center: true};
	const block: DraftBlock = {kind: paragraph.kind, text: paragraph.text};
	if (paragraph.styles.length > 0 && paragraph.kind === 'paragraph')
		block.styles = paragraph.styles;
	if (paragraph.center) block.center = true;
	return block;
}

/** AO3 sets its summaries and notes in a blockquote, indented from their label. */
function indentedFrom(label: PdfParagraph, paragraph: PdfParagraph, layout: PdfLayout): boolean {
	return paragraph.x > label.x + layout.bodySize * 0.5 && !paragraph.center;
}

/**
 * A one-shot's PDF has no chapter to start its text: the text starts on the page after the
 * preface's last page (calibre breaks the page before each of AO3's hidden headings).
 */
export function splitAo3OneShot(paragraphs: PdfParagraph[]): {
	front: PdfParagraph[];
	body: PdfParagraph[];
} {
	let last = -1;
	for (const paragraph of paragraphs.slice(0, prefaceParagraphs)) {
		const {text} = paragraph;
		const marker =
			postedOriginally.test(text) ||
			tagLabels.test(text) ||
			paragraph.kind === 'heading' ||
			/^by\s/.test(text) ||
			seeEndNotes.test(text) ||
			noteLabel(text) === 'summary' ||
			noteLabel(text) === 'notes';
		if (marker) last = paragraph.page;
	}

	const start = paragraphs.findIndex((paragraph) => paragraph.page > last);
	return start === -1
		? {front: [], body: paragraphs}
		: {front: paragraphs.slice(0, start), body: paragraphs.slice(start)};
}

/** The preface: the tags as label and value paragraphs, the title, the byline, summary and notes. */
export function readAo3Preface(
	front: PdfParagraph[],
	layout: PdfLayout,
	draft: WorkDraft,
	id: string,
): void {
	const {meta} = draft;
	setAo3WorkId(meta, id);
	let pending: string | undefined;
	let note: {kind: 'summary' | 'notes'; label: PdfParagraph} | undefined;
	for (const paragraph of front) {
		const {text} = paragraph;
		if (paragraph.kind === 'break' || postedOriginally.test(text)) continue;
		if (seeEndNotes.test(text)) {
			note = undefined;
			continue;
		}

		if (note && indentedFrom(note.label, paragraph, layout)) {
			draft[note.kind].push(draftBlock(paragraph));
			continue;
		}

		note = undefined;
		const noteKind = noteLabel(text);
		if (noteKind === 'summary' || noteKind === 'notes') {
			note = {kind: noteKind, label: paragraph};
			continue;
		}

		const parts = text.split(tagLabels);
		const head = parts[0]!.trim();
		if (pending && head) {
			addAo3Value(meta, pending, head);
			pending = undefined;
		}

		for (let index = 1; index + 1 < parts.length; index += 2) {
			const value = parts[index + 1]!.trim();
			if (value) addAo3Value(meta, parts[index]!, value);
			else pending = parts[index];
		}

		if (parts.length > 1 || (pending && head)) continue;
		if (paragraph.kind === 'heading') meta.title = text;
		else if (/^by\s/.test(text)) meta.authors = ao3Authors(text);
	}
}

/**
 * Moves a chapter's labelled notes out of its body: "Chapter Summary" and "Chapter Notes" before
 * the text, "Chapter End Notes" after it, and in the last chapter the work's "End Notes" and the
 * afterword's trailer, which is dropped.
 */
export function readAo3ChapterNotes(
	chapter: ChapterDraft,
	layout: PdfLayout,
	draft: WorkDraft,
	paragraphs: PdfParagraph[],
): void {
	const bodyX = mostCommonX(paragraphs);
	let note: {blocks: DraftBlock[]; label: PdfParagraph; afterword: boolean} | undefined;
	for (const paragraph of paragraphs) {
		if (afterwordTrailer.test(paragraph.text)) break;
		const kind = paragraph.kind === 'paragraph' ? noteLabel(paragraph.text) : undefined;
		const blocks =
			kind === 'chapterSummary'
				? chapter.summary
				: kind === 'chapterNotes'
					? chapter.notes
					: kind === 'chapterEndNotes'
						? chapter.endNotes
						: kind === 'endNotes'
							? draft.endNotes
							: undefined;
		if (blocks) {
			note = {blocks, label: paragraph, afterword: kind === 'endNotes'};
			continue;
		}

		if (seeEndNotes.test(paragraph.text) || (note && paragraph.kind === 'break')) continue;
		// Where the text itself is set as far in as the notes (AO3's padded text), only the
		// afterword's notes are told from it: the rest is kept as text rather than lost to a note.
		const apart = note?.afterword || Math.abs(paragraph.x - bodyX) > 1;
		if (note && indentedFrom(note.label, paragraph, layout) && apart) {
			note.blocks.push(draftBlock(paragraph));
			continue;
		}

		note = undefined;
		chapter.body.push(draftBlock(paragraph));
	}

	// A gap before the afterword's trailer is no scene break.
	while (chapter.body.at(-1)?.kind === 'break') chapter.body.pop();
}
