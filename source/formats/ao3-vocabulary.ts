// AO3's own words (labels, headings, site chrome) as its templates write them, for every AO3 adapter.

import type {WorkMeta} from '../work/types.ts';

/**
 * The Work field each tag label fills. AO3 writes a label in the plural when a work has several
 * tags ("Fandoms:"); downloads made before late 2023 always use the singular.
 */
const tagLabels: Record<string, keyof WorkMeta> = {
	Rating: 'rating',
	Ratings: 'rating',
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

/** The labels under "Stats:"; those the Work keeps name their field. */
const statLabels: Record<string, keyof WorkMeta | undefined> = {
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

/** A label as AO3 spells it, without its colon: a tag, "Stats" or one of the stats. */
export function isAo3Label(label: string): boolean {
	return label in tagLabels || label in statLabels || label === 'Stats';
}

export function isAo3TagLabel(label: string): boolean {
	return label in tagLabels;
}

export function isAo3StatLabel(label: string): boolean {
	return label in statLabels;
}

/** "Archive Warnings:" -> "Archive Warnings" (AO3 puts the colon inside or after a link). */
export function ao3Label(text: string): string {
	return text.replace(/\s*[:：]\s*$/, '').trim();
}

function setField(meta: WorkMeta, key: keyof WorkMeta, value: string): void {
	const text = value.trim();
	if (!text) return;
	const target = meta[key];
	// AO3 forbids commas in tag names, so a comma always separates two tags.
	if (Array.isArray(target)) {
		for (const tag of text.split(/,\s+/)) if (tag.trim()) target.push(tag.trim());
	} else if (key === 'words') {
		meta.words = Number(text.replace(/\D/g, '')) || undefined;
	} else if (key === 'series') {
		meta.series = meta.series ? `${meta.series} ${text}` : text;
	} else {
		(meta as Record<string, unknown>)[key] = text;
	}
}

/** Adds one label's value (a tag list, a detail or a stat); false when the label is not AO3's. */
export function addAo3Value(meta: WorkMeta, label: string, value: string): boolean {
	if (label in tagLabels) {
		setField(meta, tagLabels[label]!, value);
		return true;
	}

	if (label === 'Stats') {
		addAo3Stats(meta, value);
		return true;
	}

	if (!(label in statLabels)) return false;
	const key = statLabels[label];
	if (key) setField(meta, key, value);
	return true;
}

const statsSplit = new RegExp(`(?:^|\\s)(${Object.keys(statLabels).join('|')}):\\s*`);

/** The stats on one line, as downloads and copied pages have them: "Published: 2024-01-05 Words: 410". */
export function addAo3Stats(meta: WorkMeta, text: string): void {
	const pairs = text.split(statsSplit);
	for (let index = 1; index + 1 < pairs.length; index += 2) {
		addAo3Value(meta, pairs[index]!, pairs[index + 1]!);
	}
}

/**
 * "Part 2 of Long Haul" from what a page shows ("← Previous Work Part 2 of Long Haul Next Work →")
 * or said in 2017 ("Part 2 of the Long Haul series"), the same as AO3's downloads write it.
 */
export function ao3Series(text: string): string {
	return text
		.replaceAll(/←\s*Previous Work|Next Work\s*→/g, ' ')
		.replaceAll(/\bPart (\d+) of the (.+?) series\b/g, 'Part $1 of $2')
		.replaceAll(/\s+/g, ' ')
		.replaceAll(/\s*,[\s,]*/g, ', ')
		.replace(/^[\s,]+|[\s,]+$/g, '');
}

/** A byline ("by a, b" in downloads, "a, b" on pages) as a list of creators. */
export function ao3Authors(byline: string): string[] {
	const names = byline.replace(/^\s*by\s+/i, '').trim();
	if (!names) return [];
	return names === 'Anonymous' ? ['Anonymous'] : names.split(/,\s+|\s+and\s+/);
}

const workUrl = /archiveofourown\.org\/works\/(\d+)/;
// Pages link to themselves by path ("/works/424242/chapters/1"), downloads by full address.
const workPath =
	/^(?:https?:\/\/(?:www\.)?archiveofourown\.org)?\/(?:works|downloads)\/(\d+)(?=[/?#.]|$)/;

/** The work id in a full AO3 address. */
export function ao3WorkId(text: string): string | undefined {
	return workUrl.exec(text)?.[1];
}

/** The work id of a link on a work page: an address or a path of the site's own. */
export function ao3LinkWorkId(href: string): string | undefined {
	return workPath.exec(href.trim())?.[1];
}

export function setAo3WorkId(meta: WorkMeta, id: string): void {
	meta.ao3Id = id;
	meta.sourceUrl = `https://archiveofourown.org/works/${id}`;
}

/** The lock icons before a restricted or hidden work's title, as their alt text reads. */
export const lockIcons = /^(?:\s*\[image: \((?:Restricted|Hidden by Admin)\)\])+\s*/;

/** The download's line above the preface. */
export const postedOriginally = /Posted originally on the/;

/** The download's labels for summaries and notes, lower-cased, and where each goes. */
export const downloadNoteLabels = {
	summary: 'summary',
	notes: 'notes',
	'end notes': 'endNotes',
	'chapter summary': 'chapterSummary',
	'chapter notes': 'chapterNotes',
	'chapter end notes': 'chapterEndNotes',
} as const;

export type DownloadNote = (typeof downloadNoteLabels)[keyof typeof downloadNoteLabels];

/** A page's (and a copied page's) headings, "Chapter 3: Title" or "Chapter 3". */
export const chapterHeading = /^\s*Chapter (\d+)(?::\s*(.*))?\s*$/;
export const summaryHeading = 'Summary:';
export const notesHeading = 'Notes:';
export const workTextHeading = 'Work Text:';
export const chapterTextHeading = 'Chapter Text';
export const seeEndNotes = /^\s*\(See the end of the (work|chapter) for (more )?notes\.?\)\s*$/i;
/** The download's link to end notes (its `endnote-link`), as text. */
export const endNoteLink = /^\s*See the end of the (work|chapter) for (more )?notes\.?\s*$/i;

/** Where a copied page's work ends and the site's trailer begins. */
export const pageTrailer =
	/^\s*(Series this work belongs to:|Works inspired by this one:|↑ Top|Actions|Footer|Kudos(?: \(\d+\))?|Comments(?: \(\d+\))?|Leave Kudos|Post Comment|Kudos ♥)\s*$/;

/** Lines of the site around a work (header, navigation, downloads), lower-cased. */
export const siteChrome = new Set(
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
