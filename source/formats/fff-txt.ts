// FanFicFare's TXT as its writer_txt.py writes it: title page, contents, chapters, "End file.".

// Everything is wrapped by Python's textwrap at 78 columns: label values and titles go on in
// unlabelled lines, and the tab before each chapter title becomes 8 spaces. Chapter text is
// html2text's Markdown.

import {chapterDraft, type ChapterDraft, type WorkDraft, emptyDraft} from '../work/draft.ts';
import {emptyMeta, type WorkMeta} from '../work/types.ts';
import {applyFffLabel, fffLabels} from './fff-labels.ts';
import {parseInlineMarkup} from './inline-markup.ts';
import {markdownBlocks} from './markdown-blocks.ts';
import {isBlank, joinLines, paragraphsFromLines} from './text-lines.ts';

const labelLine = /^([A-Z][A-Za-z ]+):(?: (.*))?$/;
const titleLine = /^(?:\t| {8})\S/;

export function looksLikeFffTxt(text: string): boolean {
	const head = text.slice(0, 8000);
	return (
		(/^Story URL: /m.test(head) && /^Packaged: /m.test(head)) ||
		(/\nEnd file\.\s*$/.test(text.slice(-200)) && /^by .+$/m.test(head))
	);
}

/** The lines from `start` up to the next blank one, and where that run ends. */
function runOfLines(lines: string[], start: number): [string[], number] {
	let end = start;
	while (end < lines.length && !isBlank(lines[end]!)) end++;
	return [lines.slice(start, end), end];
}

function skipBlank(lines: string[], start: number): number {
	let index = start;
	while (index < lines.length && isBlank(lines[index]!)) index++;
	return index;
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A chapter title: an indented line after a blank one, with the unindented lines it wrapped onto. */
function isChapterStart(lines: string[], index: number): boolean {
	return titleLine.test(lines[index]!) && isBlank(lines[index - 1] ?? '');
}

type Entry = {label: string; lines: string[]};

/** The title page's labels; a value wrapped by textwrap goes on in unlabelled lines. */
function titlePageEntries(lines: string[], start: number, end: number): Entry[] {
	const entries: Entry[] = [];
	let entry: Entry | undefined;
	for (let index = start; index < end; index++) {
		const line = lines[index]!;
		const match = labelLine.exec(line);
		if (match && fffLabels.has(match[1]!.toLowerCase())) {
			entry = {label: match[1]!.toLowerCase(), lines: [match[2] ?? '']};
			entries.push(entry);
		} else if (isBlank(line)) {
			// Only the summary holds paragraphs; any other value ends at a blank line.
			if (entry?.label === 'summary') entry.lines.push('');
			else entry = undefined;
		} else {
			entry?.lines.push(line);
		}
	}

	return entries;
}

function applyEntries(entries: Entry[], meta: WorkMeta, draft: WorkDraft): void {
	for (const {label, lines} of entries) {
		if (label === 'summary') {
			draft.summary = paragraphsFromLines(lines).map((block) => {
				const {text, styles} = parseInlineMarkup(block.text);
				return styles.length > 0 ? {...block, text, styles} : {...block, text};
			});
		} else {
			applyFffLabel(meta, label, joinLines(lines));
		}
	}
}

/** The chapters' title lines: after the contents list, those whose title it lists. */
function chapterStarts(lines: string[], from: number, to: number, contents: Set<string>): number[] {
	const starts: number[] = [];
	for (let index = from; index < to; index++) {
		if (isChapterStart(lines, index)) starts.push(index);
	}

	const listed = starts.filter((index) =>
		contents.has(normalised(joinLines(runOfLines(lines, index)[0]))),
	);
	return listed.length > 0 ? listed : starts;
}

export function parseFffTxt(source: string): WorkDraft {
	return parseFffTxtLines(source.split('\n'));
}

/** A FanFicFare TXT from its lines, which are read, not changed. */
export function parseFffTxtLines(lines: string[]): WorkDraft {
	const meta = emptyMeta();
	const draft = emptyDraft('fff-txt', meta);
	const [titleLines, afterTitle] = runOfLines(lines, skipBlank(lines, 0));
	meta.title = joinLines(titleLines);
	let index = skipBlank(lines, afterTitle);
	if (/^by\s/.test(lines[index] ?? '')) {
		const [byline, end] = runOfLines(lines, index);
		meta.authors = joinLines(byline)
			.replace(/^by\s+/, '')
			.split(/,\s+/)
			.filter(Boolean);
		index = end;
	}

	const end = lines.findLastIndex((line) => line.trim() === 'End file.');
	const bodyEnd = end === -1 ? lines.length : end;
	let toc = -1;
	let first = bodyEnd;
	for (let cursor = index; cursor < bodyEnd; cursor++) {
		if (toc === -1 && lines[cursor]!.trim() === 'TABLE OF CONTENTS') toc = cursor;
		else if (isChapterStart(lines, cursor)) {
			first = cursor;
			break;
		}
	}

	applyEntries(titlePageEntries(lines, index, toc === -1 ? first : toc), meta, draft);
	// The contents list: each title between blank lines, maybe wrapped over several lines.
	const contents = new Set<string>();
	for (let cursor = skipBlank(lines, toc + 1); toc !== -1 && cursor < first;) {
		const [entry, entryEnd] = runOfLines(lines, cursor);
		contents.add(normalised(joinLines(entry)));
		cursor = skipBlank(lines, entryEnd);
	}

	const starts = chapterStarts(lines, first, bodyEnd, contents);
	if (starts.length === 0) {
		draft.chapters.push(
			chapterDraft(meta.title, markdownBlocks(lines.slice(first, bodyEnd)), false),
		);
		return draft;
	}

	for (const [number, start] of starts.entries()) {
		const [title, titleEnd] = runOfLines(lines, start);
		const chapter: ChapterDraft = chapterDraft(
			joinLines(title),
			markdownBlocks(lines.slice(titleEnd, starts[number + 1] ?? bodyEnd)),
		);
		draft.chapters.push(chapter);
	}

	return draft;
}
