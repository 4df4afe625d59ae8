// Rebuilds paragraphs from a PDF's lines: a new one after a wider gap, at an indent, after a short
// last line on the page before; headings by their larger size; centred short lines on their own;
// a gap much wider than a paragraph's as a scene break.

import type {StyleRun} from '../work/types.ts';
import {lineJoint} from './pdf-hyphens.ts';
import type {PdfLayout} from './pdf-layout.ts';
import type {PdfLine} from './pdf-lines.ts';

export type PdfParagraph = {
	kind: 'paragraph' | 'heading' | 'break';
	text: string;
	styles: StyleRun[];
	/** Where its first line is: the page's index and the baseline. */
	page: number;
	y: number;
	/** The left edge of its leftmost line. */
	x: number;
	size: number;
	center: boolean;
};

function isHeading(line: PdfLine, layout: PdfLayout): boolean {
	return line.size >= layout.bodySize * 1.15;
}

function isCentred(line: PdfLine, layout: PdfLayout): boolean {
	const {left, right, bodySize} = layout;
	const width = line.right - line.x;
	return (
		line.x > left + bodySize * 2 &&
		width < (right - left) * 0.7 &&
		Math.abs(line.x - left - (right - line.right)) < bodySize * 1.5
	);
}

type Start = 'paragraph' | 'break' | false;

/** Whether `line` starts a paragraph after `before`, and whether a scene break lies between. */
function startsParagraph(before: PdfLine, line: PdfLine, layout: PdfLayout): Start {
	const {bodySize, left, right, lineGap, paragraphGap} = layout;
	const heading = isHeading(line, layout);
	if (heading !== isHeading(before, layout)) return 'paragraph';
	if (heading) {
		// The lines of one long heading share its size and follow closely.
		const close = line.page === before.page && before.y - line.y <= line.size * 1.6;
		return Math.abs(line.size - before.size) < 0.5 && close ? false : 'paragraph';
	}

	if (isCentred(line, layout) || isCentred(before, layout)) return 'paragraph';
	if (line.x > before.x + bodySize * 0.8) return 'paragraph';
	const short = before.right < right - bodySize * 2;
	const indent = line.x > left + bodySize * 0.8;
	const outdent = line.x < before.x - bodySize * 0.8;
	const byGaps = paragraphGap > lineGap * 1.3;
	// A short line, then one indented or further left (a label, then its value): a new paragraph.
	// Without first-line indents, a line further left than the last is never its continuation.
	if ((short && (indent || outdent)) || (byGaps && outdent)) return 'paragraph';
	if (line.page !== before.page) {
		// Where paragraphs are told by gaps, a page's end hides the gap: a short last line tells.
		// Where they are told by indents, a ragged line may well be short in mid-paragraph.
		return indent || (short && byGaps) ? 'paragraph' : false;
	}

	const gap = before.y - line.y;
	if (paragraphGap > lineGap * 1.3 && gap > paragraphGap * 1.4) return 'break';
	if (paragraphGap <= lineGap * 1.3 && gap > lineGap * 2.2) return 'break';
	return gap > lineGap * 1.3 ? 'paragraph' : false;
}

function begin(line: PdfLine, layout: PdfLayout): PdfParagraph {
	const heading = isHeading(line, layout);
	return {
		kind: heading ? 'heading' : 'paragraph',
		text: line.text,
		styles: line.styles.map((run) => ({...run})),
		page: line.page,
		y: line.y,
		x: line.x,
		size: line.size,
		center: !heading && isCentred(line, layout),
	};
}

function extend(paragraph: PdfParagraph, line: PdfLine, words: Set<string>): void {
	const joint = lineJoint(paragraph.text, line.text, words);
	if (joint === 'unhyphenate') {
		paragraph.text = paragraph.text.slice(0, -1);
		for (const run of paragraph.styles) run.end = Math.min(run.end, paragraph.text.length);
	} else if (joint === 'space') {
		paragraph.text += ' ';
	}

	const offset = paragraph.text.length;
	paragraph.text += line.text;
	paragraph.x = Math.min(paragraph.x, line.x);
	for (const run of line.styles) {
		const last = paragraph.styles.findLast((other) => other.style === run.style);
		// A style that runs on from one line into the next is one run.
		if (last && run.start === 0 && last.end >= offset - 1) last.end = offset + run.end;
		else paragraph.styles.push({...run, start: run.start + offset, end: run.end + offset});
	}
}

/** The document's paragraphs in reading order; `lines` are all its pages' lines, furniture gone. */
export function paragraphsOf(
	lines: PdfLine[],
	layout: PdfLayout,
	words: Set<string>,
): PdfParagraph[] {
	const paragraphs: PdfParagraph[] = [];
	let current: PdfParagraph | undefined;
	let before: PdfLine | undefined;
	for (const line of lines) {
		const start = before ? startsParagraph(before, line, layout) : 'paragraph';
		if (!current || start) {
			if (start === 'break' && current) {
				paragraphs.push({
					...begin(line, layout),
					kind: 'break',
					text: '',
					styles: [],
					center: true,
				});
			}

			current = begin(line, layout);
			paragraphs.push(current);
		} else {
			extend(current, line, words);
		}

		before = line;
	}

	return paragraphs;
}
