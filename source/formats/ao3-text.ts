// An AO3 work page selected in a browser and pasted into a text file (shared/formats.md §3).

import {chapterDraft, type ChapterDraft, type DraftBlock, type WorkDraft} from '../work/draft.ts';
import {emptyMeta, type WorkMeta} from '../work/types.ts';
import {
	addAo3Stats,
	addAo3Value,
	ao3Authors,
	ao3Series,
	chapterHeading,
	chapterTextHeading,
	isAo3StatLabel,
	isAo3TagLabel,
	notesHeading,
	pageTrailer,
	seeEndNotes,
	siteChrome,
	summaryHeading,
	workTextHeading,
} from './ao3-vocabulary.ts';
import {isBlank, paragraphsFromLines} from './text-lines.ts';

const labelLine = /^\s*([A-Z][A-Za-z ]+?):\s*(.*)$/;

function parseMetaLines(lines: string[], from: number, meta: WorkMeta): number {
	let index = from;
	let current: string | undefined;
	let inStats = false;
	for (; index < lines.length; index++) {
		const line = lines[index]!;
		if (isBlank(line)) continue;
		const match = labelLine.exec(line);
		const label = match?.[1]?.trim();
		if (label && isAo3TagLabel(label)) {
			current = label;
			addAo3Value(meta, label, match![2]!);
			continue;
		}

		if (label && (isAo3StatLabel(label) || label === 'Stats')) {
			inStats = true;
			current = undefined;
			let value = match![2]!;
			if (!value.trim() && label !== 'Stats' && index + 1 < lines.length) {
				const next = lines[index + 1]!;
				if (!labelLine.test(next)) {
					value = next;
					index++;
				}
			}

			// Stats often share one line: "Published: 2020-01-01 Words: 1,234 Chapters: 2/?".
			addAo3Stats(meta, `${label}: ${value}`);
			continue;
		}

		if (inStats || isBodyMarker(line)) break;
		if (current) addAo3Value(meta, current, line);
		else break;
	}

	if (meta.series) meta.series = ao3Series(meta.series);
	return index;
}

function isBodyMarker(line: string): boolean {
	const text = line.trim();
	return (
		text === summaryHeading ||
		text === notesHeading ||
		text === workTextHeading ||
		text === chapterTextHeading ||
		chapterHeading.test(text)
	);
}

/** The headings that open AO3's story text in a pasted page, looked for anywhere in it. */
export const ao3TextMarkers = [workTextHeading, chapterTextHeading];

/** Whether pasted text looks like an AO3 work page. */
export function looksLikeAo3Text(text: string): boolean {
	const head = text.slice(0, 20_000);
	for (const marker of ao3TextMarkers) {
		const at = text.indexOf(marker);
		if (at !== -1 && /^\s*$/.test(text.slice(text.lastIndexOf('\n', at) + 1, at))) return true;
	}

	const labels = ['Rating:', 'Archive Warning', 'Fandom', 'Additional Tags:', 'Stats:'];
	return labels.filter((label) => head.includes(label)).length >= 3;
}

type Part = {marker: string; index: number};

function findParts(lines: string[], start: number, end: number, markers: RegExp): Part[] {
	const parts: Part[] = [];
	for (let index = start; index < end; index++) {
		const text = lines[index]!.trim();
		if (markers.test(text)) parts.push({marker: text, index});
	}

	return parts;
}

function blocksBetween(lines: string[], start: number, end: number): DraftBlock[] {
	return paragraphsFromLines(lines.slice(start, end).filter((line) => !seeEndNotes.test(line)));
}

/** Summary and notes between `start` and `end`, each "Summary:"/"Notes:" opening a part. */
function summaryAndNotes(lines: string[], start: number, end: number) {
	const parts = findParts(lines, start, end, /^(Summary:|Notes:)$/);
	const result = {summary: [] as DraftBlock[], notes: [] as DraftBlock[], seeEnd: false};
	for (const [number, part] of parts.entries()) {
		const partEnd = parts[number + 1]?.index ?? end;
		const blocks = blocksBetween(lines, part.index + 1, partEnd);
		const target = part.marker === summaryHeading ? result.summary : result.notes;
		for (const block of blocks) target.push(block);
	}

	result.seeEnd = lines.slice(start, end).some((line) => seeEndNotes.test(line));
	return result;
}

function firstIndex(lines: string[], from: number, test: (line: string) => boolean): number {
	for (let index = from; index < lines.length; index++) if (test(lines[index]!)) return index;
	return -1;
}

export function parseAo3Text(text: string): WorkDraft {
	return parseAo3TextLines(text.split('\n'));
}

/** An AO3 text download from its lines, which are read, not changed. */
export function parseAo3TextLines(lines: string[]): WorkDraft {
	const meta = emptyMeta();
	const firstLabel = firstIndex(lines, 0, (line) => {
		const label = labelLine.exec(line)?.[1]?.trim();
		return label !== undefined && (isAo3TagLabel(label) || label === 'Stats');
	});
	let cursor = firstLabel === -1 ? 0 : parseMetaLines(lines, firstLabel, meta);

	// Chapter headings count only when a "Chapter Text" line follows before the next heading.
	const chapterStarts: number[] = [];
	const workText = firstIndex(lines, cursor, (line) => line.trim() === workTextHeading);
	if (workText === -1) {
		let pending = -1;
		for (let index = cursor; index < lines.length; index++) {
			const line = lines[index]!.trim();
			if (chapterHeading.test(line)) pending = index;
			else if (line === chapterTextHeading && pending !== -1) {
				chapterStarts.push(pending);
				pending = -1;
			}
		}
	}

	const bodyStart = workText !== -1 ? workText : (chapterStarts[0] ?? -1);
	const headerEnd = bodyStart === -1 ? lines.length : bodyStart;
	const summaryAt = firstIndex(lines, cursor, (line) => /^\s*(Summary:|Notes:)\s*$/.test(line));
	const titleEnd = summaryAt !== -1 && summaryAt < headerEnd ? summaryAt : headerEnd;
	const heading = lines
		.slice(cursor, titleEnd)
		.map((line) => line.trim())
		.filter((line) => line && !siteChrome.has(line.toLowerCase()));
	if (bodyStart !== -1 || summaryAt !== -1) {
		meta.title = heading[0] ?? '';
		if (heading[1]) meta.authors = ao3Authors(heading[1]);
	}

	const front =
		summaryAt !== -1 && summaryAt < headerEnd
			? summaryAndNotes(lines, summaryAt, headerEnd)
			: {summary: [], notes: [], seeEnd: false};
	cursor = headerEnd;

	const trailerAt = (from: number) => {
		const index = firstIndex(lines, from, (line) => pageTrailer.test(line));
		return index === -1 ? lines.length : index;
	};

	const chapters: ChapterDraft[] = [];
	let workEndNotes: DraftBlock[] = [];
	if (workText !== -1 || chapterStarts.length === 0) {
		const start = workText !== -1 ? workText + 1 : bodyStart === -1 ? titleEnd : bodyStart;
		const end = trailerAt(start);
		const notes = findParts(lines, start, end, /^Notes:$/).at(-1);
		const bodyEnd = notes?.index ?? end;
		chapters.push(chapterDraft(meta.title, blocksBetween(lines, start, bodyEnd), false));
		if (notes) workEndNotes = blocksBetween(lines, notes.index + 1, end);
	} else {
		for (const [number, start] of chapterStarts.entries()) {
			const last = number === chapterStarts.length - 1;
			const end = last ? trailerAt(start + 1) : chapterStarts[number + 1]!;
			const textLine = firstIndex(lines, start, (line) => line.trim() === chapterTextHeading);
			const match = chapterHeading.exec(lines[start]!.trim())!;
			const title = match[2] ? `Chapter ${match[1]}: ${match[2]}` : `Chapter ${match[1]}`;
			const chapter = chapterDraft(title, []);
			const head = summaryAndNotes(lines, start + 1, textLine);
			chapter.summary = head.summary;
			chapter.notes = head.notes;
			const notes = findParts(lines, textLine + 1, end, /^Notes:$/);
			// After the last chapter, one "Notes:" may be the chapter's and one the work's.
			let chapterNotes = notes.at(-1);
			if (last && notes.length >= 2) {
				chapterNotes = notes.at(-2);
				workEndNotes = blocksBetween(lines, notes.at(-1)!.index + 1, end);
			} else if (last && chapterNotes && front.seeEnd && !head.seeEnd) {
				workEndNotes = blocksBetween(lines, chapterNotes.index + 1, end);
			}

			const bodyEnd = chapterNotes?.index ?? end;
			chapter.body = blocksBetween(lines, textLine + 1, bodyEnd);
			if (chapterNotes && workEndNotes.length === 0) {
				chapter.endNotes = blocksBetween(lines, chapterNotes.index + 1, end);
			} else if (chapterNotes && notes.length >= 2) {
				chapter.endNotes = blocksBetween(lines, chapterNotes.index + 1, notes.at(-1)!.index);
			}

			chapters.push(chapter);
		}
	}

	return {
		format: 'ao3-text',
		meta,
		summary: front.summary,
		notes: front.notes,
		chapters,
		endNotes: workEndNotes,
		warnings: [],
	};
}
