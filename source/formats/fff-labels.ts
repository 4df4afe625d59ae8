// FanFicFare's "Label: value" metadata lines, shared by its TXT, HTML and EPUB output.

import type {WorkMeta} from '../work/types.ts';

const listKeys: Record<string, keyof WorkMeta> = {
	category: 'fandoms',
	fandoms: 'fandoms',
	genre: 'tags',
	characters: 'characters',
	relationships: 'relationships',
	ships: 'relationships',
	warnings: 'warnings',
	freeform: 'tags',
	'additional tags': 'tags',
};
const valueKeys: Record<string, keyof WorkMeta> = {
	series: 'series',
	language: 'language',
	published: 'published',
	updated: 'updated',
	rating: 'rating',
	chapters: 'chapterCount',
	'story url': 'sourceUrl',
};

export const fffLabels = new Set([
	...Object.keys(listKeys),
	...Object.keys(valueKeys),
	'status',
	'packaged',
	'words',
	'publisher',
	'author url',
	'series url',
	'story id',
	'author id',
	'extra tags',
	'site abbrev',
	'file format',
	'file extension',
	'downloader version',
	'summary',
	'author',
	'title',
	'completed',
]);

/** Applies one label and value; returns false when the label is not FanFicFare's. */
export function applyFffLabel(meta: WorkMeta, label: string, value: string): boolean {
	const key = label.trim().toLowerCase();
	const text = value.trim();
	if (!fffLabels.has(key)) return false;
	if (!text) return true;
	const list = listKeys[key];
	if (list) {
		(meta[list] as string[]).push(
			...text
				.split(/,\s*/)
				.map((item) => item.trim())
				.filter(Boolean),
		);
	} else if (valueKeys[key]) {
		(meta as Record<string, unknown>)[valueKeys[key]!] = text;
	} else if (key === 'words') {
		meta.words = Number(text.replace(/\D/g, '')) || undefined;
	} else if (key === 'author') {
		meta.authors = text.split(/,\s+|\s+&\s+/);
	} else if (key === 'title') {
		meta.title = text;
	} else if (key === 'status' && /^completed?$/i.test(text)) {
		// "Complete" or "Completed"; "Incomplete" and "In-Progress" say otherwise.
		meta.completed ??= 'yes';
	}

	const ao3 = /archiveofourown\.org\/works\/(\d+)/.exec(meta.sourceUrl ?? '');
	if (ao3) meta.ao3Id = ao3[1];
	return true;
}
