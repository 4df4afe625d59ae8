// An AO3 work's PDF (calibre's print of AO3's HTML download): the preface's tags, title, authors,
// summary and notes, each chapter's summary and notes, and the end notes, told by AO3's labels.

import type {ChapterDraft, DraftBlock, WorkDraft} from '../work/draft.ts';
import {
	addAo3Value,
	ao3Authors,
	ao3Label,
	ao3WorkId,
	downloadNoteLabels,
	isAo3Label,
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

export function draftBlock(paragraph: PdfParagraph): DraftBlock {
	if (paragraph.kind === 'break') return {kind: 'break', text: '', center: true};
	const block: DraftBlock = {kind: paragraph.kind, text: paragraph.text};
	if (paragraph.styles.length > 0 && paragraph.kind === 'paragraph')
		block.styles = paragraph.styles;
	if (paragraph.center) block.center = true;
	return block;
}

/** AO3 sets its summaries and notes in a blockquote, indented from the text. */
function indented(paragraph: PdfParagraph, layout: PdfLayout): boolean {
	return paragraph.x > layout.left + layout.bodySize * 0.5 && !paragraph.center;
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
	let label: string | undefined;
	let note: 'summary' | 'notes' | undefined;
	for (const paragraph of front) {
		const {text} = paragraph;
		if (postedOriginally.test(text) || seeEndNotes.test(text)) continue;
		if (text.endsWith(':') && isAo3Label(ao3Label(text))) {
			label = ao3Label(text);
			continue;
		}

		if (label) {
			addAo3Value(meta, label, text);
			label = undefined;
			continue;
		}

		const noteKind = noteLabel(text);
		if (noteKind === 'summary' || noteKind === 'notes') {
			note = noteKind;
			continue;
		}

		if (note && indented(paragraph, layout)) {
			draft[note].push(draftBlock(paragraph));
			continue;
		}

		note = undefined;
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
	let note: ChapterDraft['summary'] | undefined;
	for (let index = 0; index < paragraphs.length; index++) {
		const paragraph = paragraphs[index]!;
		if (afterwordTrailer.test(paragraph.text)) break;
		const kind = paragraph.kind === 'paragraph' ? noteLabel(paragraph.text) : undefined;
		if (kind) {
			note =
				kind === 'chapterSummary'
					? chapter.summary
					: kind === 'chapterNotes'
						? chapter.notes
						: kind === 'chapterEndNotes'
							? chapter.endNotes
							: kind === 'endNotes'
								? draft.endNotes
								: undefined;
			if (note) continue;
		}

		if (seeEndNotes.test(paragraph.text)) continue;
		if (note && indented(paragraph, layout)) {
			note.push(draftBlock(paragraph));
			continue;
		}

		note = undefined;
		chapter.body.push(draftBlock(paragraph));
	}
}
