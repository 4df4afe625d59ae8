// Drops a PDF's page furniture: page numbers, and running headers and footers (the same words at
// the same height on many pages).

import {dividerKind} from '../work/scene-breaks.ts';
import type {PdfLayout} from './pdf-layout.ts';
import type {PdfLine} from './pdf-lines.ts';

const pageNumber =
	/^(?:page\s+)?(?:\d{1,5}|x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*(?:of|\/)\s*\d{1,5})?$|^[-–—]\s*\d{1,5}\s*[-–—]$/i;

/** Lines at a page's top or bottom that may be furniture: this many from each end. */
const edgeLines = 2;
/** Words that recur at the same place on this many pages are a running header or footer. */
const runningPages = 3;

function runningKey(line: PdfLine): string {
	// Page numbers inside a header ("Cold Iron Stars — 12") change from page to page.
	return `${Math.round(line.y / 2)}|${line.text.toLowerCase().replaceAll(/\d+/g, '#')}`;
}

/**
 * The lines at a page's edges that stand apart from the text: further from their neighbour
 * inside the page than the lines of a paragraph are, so that a line of the story that happens
 * to recur at the top of several pages is never taken for a header.
 */
function edges(lines: PdfLine[], lineGap: number): PdfLine[] {
	const apart = (line: PdfLine, inner: PdfLine | undefined) =>
		!inner || Math.abs(line.y - inner.y) > lineGap * 1.5;
	const found: PdfLine[] = [];
	for (let index = 0; index < Math.min(edgeLines, lines.length); index++)
		if (apart(lines[index]!, lines[index + 1])) found.push(lines[index]!);
	for (let index = Math.max(edgeLines, lines.length - edgeLines); index < lines.length; index++)
		if (apart(lines[index]!, lines[index - 1])) found.push(lines[index]!);
	return found;
}

/**
 * Each page's lines without its furniture. Only lines at a page's edges and in the body's size
 * or smaller are candidates, so that a chapter's number set large as its heading stays, and so
 * do scene dividers, which may well fall at the same place on several pages.
 */
export function withoutPageFurniture(
	pages: PdfLine[][],
	{bodySize, lineGap}: Pick<PdfLayout, 'bodySize' | 'lineGap'>,
): PdfLine[][] {
	const candidate = (line: PdfLine) => line.size <= bodySize * 1.05 && !dividerKind(line.text);
	const pagesWith = new Map<string, number>();
	const furniture = new Set<PdfLine>();
	for (const lines of pages) {
		const found = edges(lines, lineGap).filter(candidate);
		for (const line of found) if (pageNumber.test(line.text)) furniture.add(line);
		for (const key of new Set(found.map(runningKey)))
			pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
	}

	for (const lines of pages) {
		for (const line of edges(lines, lineGap))
			if (candidate(line) && (pagesWith.get(runningKey(line)) ?? 0) >= runningPages)
				furniture.add(line);
	}

	return pages.map((lines) => lines.filter((line) => !furniture.has(line)));
}
