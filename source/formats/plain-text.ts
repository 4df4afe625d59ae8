// Plain text: chapters from heading lines ("Chapter 12", "CHAPTER XII", "Part Two"), paragraphs from blank lines.

import {chapterDraft, type ChapterDraft, type WorkDraft} from '../work/draft.ts';
import {emptyMeta, type WorkMeta} from '../work/types.ts';
import {isBlank, paragraphsFromLines} from './text-lines.ts';

const number =
	'(?:\\d+|[IVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty[- \\w]*)';
const headingLine = new RegExp(
	`^\\s*(?:(?:chapter|chap\\.|part|book|volume)\\s+${number}\\b(?:\\s*[:.\\-–—]\\s*\\S.*)?|prologue|epilogue|interlude|afterword)\\s*[:.]?\\s*$`,
	'iu',
);

const numberLine = /^\s*(?:[IVXLC]{1,7}|\d{1,4})\.?\s*$/;

export function isChapterHeading(line: string): boolean {
	return line.trim().length <= 80 && (headingLine.test(line) || numberLine.test(line));
}

/** Splits lines at chapter headings that stand alone between blank lines. */
export function chaptersFromLines(lines: string[], title: string): ChapterDraft[] {
	const chapters: ChapterDraft[] = [];
	let heading: string | undefined;
	let start = 0;
	const close = (end: number) => {
		const body = paragraphsFromLines(lines.slice(start, end));
		if (heading !== undefined || body.length > 0) {
			chapters.push(chapterDraft(heading ?? title, body, heading !== undefined));
		}
	};

	for (const [index, line] of lines.entries()) {
		const alone = (index === 0 || isBlank(lines[index - 1]!)) && isBlank(lines[index + 1] ?? '');
		if (alone && isChapterHeading(line)) {
			close(index);
			heading = line.trim();
			start = index + 1;
		}
	}

	close(lines.length);
	return chapters;
}

function titleFromPath(path: string): string {
	const name = path.split(/[\\/]/).at(-1) ?? path;
	return (
		name
			.replace(/\.[^.]+$/, '')
			.replace(/[_-]+/g, ' ')
			.trim() || 'Untitled'
	);
}

/**
 * A title (and "by" line) at the very top: a short first line set off by two blank lines or
 * followed by a byline. Returns how many lines they take.
 */
function titleLines(lines: string[], meta: WorkMeta): number {
	const first = lines.findIndex((line) => !isBlank(line));
	if (first === -1) return 0;
	const title = lines[first]!.trim();
	if (title.length > 80 || /[.!?,;:]$/.test(title) || isChapterHeading(title)) {
		return 0;
	}

	let next = first + 1;
	while (next < lines.length && isBlank(lines[next]!)) next++;
	const byline = /^by\s+(.+)$/i.exec(lines[next]?.trim() ?? '');
	if (!byline && next === first + 1) return 0;
	if (byline && isBlank(lines[next + 1] ?? '')) {
		meta.title = title;
		meta.authors = byline[1]!.split(/,\s+|\s+and\s+/);
		return next + 1;
	}

	if (next - first >= 3) {
		meta.title = title;
		return next;
	}

	return 0;
}

export function parsePlainText(text: string, path: string): WorkDraft {
	const all = text.split('\n');
	const meta = emptyMeta(titleFromPath(path));
	const skipped = titleLines(all, meta);
	const lines = all.slice(skipped);
	const title = meta.title;
	return {
		format: 'text',
		meta,
		summary: [],
		notes: [],
		chapters: chaptersFromLines(lines, title),
		endNotes: [],
		warnings: [],
		titlePage: skipped > 0,
	};
}
