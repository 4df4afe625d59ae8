// An AO3 work page selected in a browser and pasted into a text file (shared/formats.md §3).

import {chapterDraft, type ChapterDraft, type DraftBlock, type WorkDraft} from '../work/draft.ts';
import {emptyMeta, type WorkMeta} from '../work/types.ts';
import {isBlank, paragraphsFromLines} from './text-lines.ts';

const tagLabels: Record<string, keyof WorkMeta> = {
	Rating: 'rating',
	'Archive Warning': 'warnings',
	'Archive Warnings': 'warnings',
	Category: 'categories',
	Categories: 'categories',
	Fandom: 'fandoms',
	Fandoms: 'fandoms',
	Relationship: 'relationships',
	Relationships: 'relationships',
	Character: 'characters',
	Characters: 'characters',
	'Additional Tags': 'tags',
	Language: 'language',
	Series: 'series',
	Collections: 'tags',
};
const statLabels: Record<string, keyof WorkMeta | undefined> = {
	Stats: undefined,
	Published: 'published',
	Updated: 'updated',
	Completed: 'completed',
	Words: 'words',
	Chapters: 'chapterCount',
	Comments: undefined,
	Kudos: undefined,
	Bookmarks: undefined,
	Hits: undefined,
};
const statSplit = new RegExp(`(?:^|\\s)(${Object.keys(statLabels).join('|')}):\\s*`);
const labelLine = /^\s*([A-Z][A-Za-z ]+?):\s*(.*)$/;
const chapterHeading = /^\s*Chapter (\d+)(?::\s*(.*))?\s*$/;
const chrome = new Set(
	[
		'Main Content',
		'Skip header',
		'Log In',
		'Log in',
		'Site Navigation',
		'Archive of Our Own',
		'Actions',
		'Entire Work',
		'Chapter Index',
		'Full-page index',
		'Download',
		'Share',
		'Comments',
		'Bookmark',
		'Mark for Later',
		'Subscribe',
		"Hide Creator's Style",
		"Show Creator's Style",
		'Work Header',
		'Top of Work',
		'AZW3',
		'EPUB',
		'MOBI',
		'PDF',
		'HTML',
		'Kudos',
		'Next Chapter →',
		'← Previous Chapter',
		'Chapter by Chapter',
	].map((line) => line.toLowerCase()),
);
const trailer =
	/^\s*(Series this work belongs to:|Works inspired by this one:|↑ Top|Actions|Footer|Kudos(?: \(\d+\))?|Comments(?: \(\d+\))?|Leave Kudos|Post Comment|Kudos ♥)\s*$/;
const seeEnd = /^\s*\(See the end of the (work|chapter) for (more )?notes\.?\)\s*$/i;

function parseMetaLines(lines: string[], from: number, meta: WorkMeta): number {
	let index = from;
	let current: keyof WorkMeta | undefined;
	let inStats = false;
	const add = (key: keyof WorkMeta, value: string) => {
		const text = value.trim();
		if (!text) return;
		const target = meta[key];
		if (Array.isArray(target)) {
			target.push(
				...text
					.split(/,\s+/)
					.map((tag) => tag.trim())
					.filter(Boolean),
			);
		} else if (key === 'words') {
			meta.words = Number(text.replace(/[^\d]/g, '')) || undefined;
		} else if (key === 'series' && meta.series) {
			meta.series += ` ${text}`;
		} else {
			(meta as Record<string, unknown>)[key] = text;
		}
	};

	for (; index < lines.length; index++) {
		const line = lines[index]!;
		if (isBlank(line)) continue;
		const match = labelLine.exec(line);
		const label = match?.[1]?.trim();
		if (label && label in tagLabels) {
			current = tagLabels[label];
			if (current) add(current, match![2]!);
			continue;
		}

		if (label && label in statLabels) {
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
			const pairs = `${label}: ${value}`.split(statSplit);
			for (let pair = 1; pair + 1 < pairs.length; pair += 2) {
				const key = statLabels[pairs[pair]!];
				if (key) add(key, pairs[pair + 1]!);
			}

			continue;
		}

		if (inStats || isBodyMarker(line)) break;
		if (current) add(current, line);
		else break;
	}

	return index;
}

function isBodyMarker(line: string): boolean {
	const text = line.trim();
	return (
		text === 'Summary:' ||
		text === 'Notes:' ||
		text === 'Work Text:' ||
		text === 'Chapter Text' ||
		chapterHeading.test(text)
	);
}

/** Whether pasted text looks like an AO3 work page. */
export function looksLikeAo3Text(text: string): boolean {
	const head = text.slice(0, 20_000);
	for (const marker of ['Work Text:', 'Chapter Text']) {
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
	return paragraphsFromLines(lines.slice(start, end).filter((line) => !seeEnd.test(line)));
}

/** Summary and notes between `start` and `end`, each "Summary:"/"Notes:" opening a part. */
function summaryAndNotes(lines: string[], start: number, end: number) {
	const parts = findParts(lines, start, end, /^(Summary:|Notes:)$/);
	const result = {summary: [] as DraftBlock[], notes: [] as DraftBlock[], seeEnd: false};
	for (const [number, part] of parts.entries()) {
		const partEnd = parts[number + 1]?.index ?? end;
		const blocks = blocksBetween(lines, part.index + 1, partEnd);
		if (part.marker === 'Summary:') result.summary.push(...blocks);
		else result.notes.push(...blocks);
	}

	result.seeEnd = lines.slice(start, end).some((line) => seeEnd.test(line));
	return result;
}

function firstIndex(lines: string[], from: number, test: (line: string) => boolean): number {
	for (let index = from; index < lines.length; index++) if (test(lines[index]!)) return index;
	return -1;
}

export function parseAo3Text(text: string): WorkDraft {
	const lines = text.split('\n');
	const meta = emptyMeta();
	const firstLabel = firstIndex(lines, 0, (line) => {
		const label = labelLine.exec(line)?.[1]?.trim();
		return label !== undefined && (label in tagLabels || label === 'Stats');
	});
	let cursor = firstLabel === -1 ? 0 : parseMetaLines(lines, firstLabel, meta);

	// Chapter headings count only when a "Chapter Text" line follows before the next heading.
	const chapterStarts: number[] = [];
	const workText = firstIndex(lines, cursor, (line) => line.trim() === 'Work Text:');
	if (workText === -1) {
		let pending = -1;
		for (let index = cursor; index < lines.length; index++) {
			const line = lines[index]!.trim();
			if (chapterHeading.test(line)) pending = index;
			else if (line === 'Chapter Text' && pending !== -1) {
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
		.filter((line) => line && !chrome.has(line.toLowerCase()));
	if (bodyStart !== -1 || summaryAt !== -1) {
		meta.title = heading[0] ?? '';
		if (heading[1]) meta.authors = heading[1].replace(/^by\s+/i, '').split(/,\s+|\s+and\s+/);
	}

	const front =
		summaryAt !== -1 && summaryAt < headerEnd
			? summaryAndNotes(lines, summaryAt, headerEnd)
			: {summary: [], notes: [], seeEnd: false};
	cursor = headerEnd;

	const trailerAt = (from: number) => {
		const index = firstIndex(lines, from, (line) => trailer.test(line));
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
			const textLine = firstIndex(lines, start, (line) => line.trim() === 'Chapter Text');
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
