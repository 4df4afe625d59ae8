// A PDF's text, reflowed: lines from positioned text, page furniture dropped, paragraphs rebuilt,
// chapters from the outline or the headings, and an AO3 work's preface read as its metadata.

import {LoadError} from '../work/decode.ts';
import {chapterDraft, emptyDraft, type WorkDraft} from '../work/draft.ts';
import {emptyMeta} from '../work/types.ts';
import {
	ao3PdfWorkId,
	draftBlock,
	readAo3ChapterNotes,
	readAo3Preface,
	splitAo3OneShot,
} from './pdf-ao3.ts';
import {chaptersOf} from './pdf-chapters.ts';
import {withoutPageFurniture} from './pdf-furniture.ts';
import {knownWords} from './pdf-hyphens.ts';
import {measureLayout} from './pdf-layout.ts';
import {linesOfPage} from './pdf-lines.ts';
import {loadPdf} from './pdf-load.ts';
import {paragraphsOf} from './pdf-paragraphs.ts';
import type {PdfDocument} from './pdf-document.ts';

/** The draft of a loaded document: plain data in, so that it is tested without pdf.js. */
export function draftOfPdf(document: PdfDocument, path: string): WorkDraft {
	const pageLines = document.pages.map((page, index) => linesOfPage(page, index));
	if (pageLines.every((lines) => lines.length === 0))
		throw new LoadError(
			document.pages.length > 0
				? `${path}: this PDF has no text layer (scanned pages are images; ficterm reads only text)`
				: `${path} has no pages`,
		);
	const first = measureLayout(pageLines.flat());
	const lines = withoutPageFurniture(pageLines, first).flat();
	const layout = measureLayout(lines);
	const paragraphs = paragraphsOf(lines, layout, knownWords(lines));
	const meta = emptyMeta(document.title ?? '');
	meta.authors = document.authors;
	if (document.language) meta.language = document.language;
	const draft = emptyDraft('pdf', meta);
	draft.warnings.push(...document.warnings);
	const id = ao3PdfWorkId(paragraphs);
	if (!id) meta.tags = document.subjects.filter((subject) => subject.trim());
	const {front, chapters} = chaptersOf(paragraphs, document.outline);
	if (chapters.length === 0 && id) {
		const oneShot = splitAo3OneShot(paragraphs);
		readAo3Preface(oneShot.front, layout, draft, id);
		const chapter = chapterDraft(meta.title, [], false);
		readAo3ChapterNotes(chapter, layout, draft, oneShot.body);
		draft.chapters.push(chapter);
		return draft;
	}

	if (chapters.length === 0) {
		draft.chapters.push(chapterDraft(meta.title, paragraphs.map(draftBlock), false));
		return draft;
	}

	if (id) readAo3Preface(front, layout, draft, id);
	else if (front.length > 0)
		draft.chapters.push(chapterDraft(meta.title, front.map(draftBlock), false));
	for (const chapter of chapters) {
		const drafted = chapterDraft(chapter.title, []);
		if (chapter.depth > 0) drafted.depth = chapter.depth;
		if (chapter.parts.length > 0) drafted.parts = chapter.parts;
		if (id) readAo3ChapterNotes(drafted, layout, draft, chapter.paragraphs);
		else drafted.body = chapter.paragraphs.map(draftBlock);
		draft.chapters.push(drafted);
	}

	return draft;
}

export async function parsePdf(bytes: Uint8Array, path: string): Promise<WorkDraft> {
	return draftOfPdf(await loadPdf(bytes, path), path);
}

/**
 * The draft of a PDF's first pages, read in growing batches until `enough` accepts one: a
 * preview (`partial`), or the whole draft when the last page came first.
 */
export async function parsePdfStart(
	bytes: Uint8Array,
	path: string,
	enough: (draft: WorkDraft) => boolean,
): Promise<{draft: WorkDraft; partial: boolean}> {
	let accepted: WorkDraft | undefined;
	const document = await loadPdf(bytes, path, (start) => {
		try {
			const draft = draftOfPdf(start, path);
			if (enough(draft)) accepted = draft;
		} catch {
			// First pages without text (a scanned cover) are no preview: more pages are read.
		}

		return accepted !== undefined;
	});
	if (document.partial && accepted) return {draft: accepted, partial: true};
	return {draft: draftOfPdf(document, path), partial: false};
}
