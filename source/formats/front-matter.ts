// YAML front matter at the top of a Markdown file: the work's title, authors, tags and summary.

// Only the YAML that such headers use: "key: value", quoted values, [a, b] and "- item" lists,
// and "|" or ">" blocks.

import type {WorkMeta} from '../work/types.ts';

export type FrontMatter = {
	/** The line after the closing "---" (0 when there is no front matter). */
	end: number;
	summary?: string;
	notes?: string;
};

type Value = string | string[];

function unquote(text: string): string {
	const trimmed = text.trim();
	const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(trimmed);
	if (quoted) return quoted[1]!.replace(/\\(["\\])/g, '$1').replace(/\\n/g, '\n');
	const single = /^'((?:[^']|'')*)'$/.exec(trimmed);
	if (single) return single[1]!.replace(/''/g, "'");
	return trimmed.replace(/\s+#.*$/, '');
}

function inlineList(text: string): string[] | undefined {
	const match = /^\[(.*)\]$/.exec(text.trim());
	if (!match) return undefined;
	return (match[1]!.match(/\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+)/g) ?? [])
		.map(unquote)
		.filter(Boolean);
}

/** The top-level keys and their values, read line by line. */
function readValues(lines: string[]): Map<string, Value> {
	const values = new Map<string, Value>();
	for (let index = 0; index < lines.length; index++) {
		const match = /^([A-Za-z][\w -]*?)\s*:(?:\s+(.*))?$/.exec(lines[index]!);
		if (!match) continue;
		const key = match[1]!.toLowerCase().replace(/[\s-]+/g, '_');
		const raw = (match[2] ?? '').trim();
		const nested: string[] = [];
		while (index + 1 < lines.length && /^(\s+\S|\s*-\s|\s*$)/.test(lines[index + 1]!)) {
			nested.push(lines[++index]!);
		}

		if (/^[|>][-+]?$/.test(raw)) {
			let indent = Infinity;
			for (const line of nested) {
				if (line.trim()) indent = Math.min(indent, /^\s*/.exec(line)![0].length);
			}

			const text = nested
				.map((line) => line.slice(indent))
				.join('\n')
				.trim();
			values.set(key, raw.startsWith('>') ? text.replace(/(?<!\n)\n(?!\n)/g, ' ') : text);
		} else if (!raw && nested.some((line) => /^\s*-\s/.test(line))) {
			values.set(
				key,
				nested
					.filter((line) => /^\s*-\s/.test(line))
					.map((line) => unquote(line.replace(/^\s*-\s/, ''))),
			);
		} else {
			values.set(
				key,
				inlineList(raw) ?? unquote([raw, ...nested.map((line) => line.trim())].join(' ')),
			);
		}
	}

	return values;
}

const listKeys: Array<[keyof WorkMeta, string[]]> = [
	['authors', ['author', 'authors', 'creator', 'creators', 'byline']],
	['fandoms', ['fandom', 'fandoms']],
	['warnings', ['warning', 'warnings', 'archive_warning', 'archive_warnings']],
	['categories', ['category', 'categories']],
	['relationships', ['relationship', 'relationships', 'pairing', 'pairings', 'ship', 'ships']],
	['characters', ['character', 'characters']],
	['tags', ['tags', 'tag', 'additional_tags', 'freeform', 'freeforms', 'keywords']],
];
const textKeys: Array<[keyof WorkMeta, string[]]> = [
	['title', ['title']],
	['rating', ['rating']],
	['language', ['language', 'lang']],
	['series', ['series']],
	['published', ['published', 'date', 'date_published']],
	['updated', ['updated', 'date_updated', 'modified']],
	['completed', ['completed']],
	['chapterCount', ['chapters']],
	['sourceUrl', ['url', 'source', 'source_url', 'link']],
];

function first(values: Map<string, Value>, keys: string[]): Value | undefined {
	for (const key of keys) if (values.has(key)) return values.get(key);
	return undefined;
}

/** Reads front matter into `meta`; a file without it (or with an unclosed one) is left alone. */
export function readFrontMatter(lines: string[], meta: WorkMeta): FrontMatter {
	if (lines[0]?.trim() !== '---') return {end: 0};
	const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
	if (close === -1) return {end: 0};
	const values = readValues(lines.slice(1, close));
	for (const [field, keys] of listKeys) {
		const value = first(values, keys);
		if (value === undefined) continue;
		const items = typeof value === 'string' ? value.split(/\s*,\s*|\s+&\s+|\s+and\s+/) : value;
		(meta[field] as string[]) = items.map((item) => item.trim()).filter(Boolean);
	}

	for (const [field, keys] of textKeys) {
		const value = first(values, keys);
		const text = Array.isArray(value) ? value.join(', ') : value;
		if (text) (meta as Record<string, unknown>)[field] = text;
	}

	const words = first(values, ['words', 'word_count']);
	if (typeof words === 'string' && /\d/.test(words)) meta.words = Number(words.replace(/\D/g, ''));
	const ao3 = /archiveofourown\.org\/works\/(\d+)/.exec(meta.sourceUrl ?? '');
	if (ao3) meta.ao3Id = ao3[1];
	const summary = first(values, ['summary', 'description']);
	const notes = first(values, ['notes']);
	return {
		end: close + 1,
		...(typeof summary === 'string' && summary ? {summary} : {}),
		...(typeof notes === 'string' && notes ? {notes} : {}),
	};
}
