// One device's file in the synced folder: its name, what it holds, and reading another device's
// copy of it, which may be anything (a half-synced write, a hand edit, a hostile file).

import {createHash} from 'node:crypto';
import * as v from 'valibot';
import {
	bookmarkSchema,
	check,
	deletedBookmarkSchema,
	savedAnchorSchema,
	type Bookmark,
	type DeletedBookmark,
	type SavedAnchor,
} from '../store/schema.ts';
import {sanitiseLine} from '../work/sanitise.ts';

/** Where ficterm's files live inside the synced folder; v1 is this file's shape. */
export const folderRoot = ['ficterm', 'v1'] as const;
/** Larger than any honest file (a thousand bookmarks); a bigger one is not read at all. */
export const maxFileBytes = 512 * 1024;
const maxBookmarks = 1000;
/** Snippets are 48 characters when ficterm writes them; longer ones would only slow the search. */
const maxSnippet = 256;
const maxName = 64;

const idPattern = /^[0-9a-f]{32}$/;
const fileNamePattern = /^([0-9a-f]{32})\.json$/;

/** A work's folder name: a hash of its id, since ids hold characters no file system takes. */
export function workKey(workId: string): string {
	return createHash('sha256').update(workId).digest('hex').slice(0, 32);
}

/** The device id in a device's file name; undefined for anything else (conflict copies, temp files). */
export function deviceOfFileName(name: string): string | undefined {
	return fileNamePattern.exec(name)?.[1];
}

/** What one device writes about one work. */
export type DeviceFile = {
	format: 'ficterm-sync';
	version: 1;
	work: string;
	title: string;
	device: {id: string; name: string};
	updatedAt: string;
	anchor: SavedAnchor;
	fraction: number;
	bookmarks: Bookmark[];
	deletedBookmarks: DeletedBookmark[];
};

const date = v.pipe(
	v.string(),
	v.maxLength(64),
	v.check((text) => !Number.isNaN(Date.parse(text)), 'a date'),
);
const short = v.pipe(v.string(), v.maxLength(maxSnippet));

const deviceFileSchema = v.object({
	format: v.literal('ficterm-sync'),
	version: v.literal(1),
	work: v.string(),
	title: v.optional(v.string()),
	device: v.object({id: v.pipe(v.string(), v.regex(idPattern)), name: v.string()}),
	updatedAt: date,
	anchor: v.object({...savedAnchorSchema.entries, snippet: short, opening: short}),
	fraction: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
	bookmarks: v.optional(
		v.pipe(
			v.array(
				v.object({...bookmarkSchema.entries, snippet: short, opening: short, createdAt: date}),
			),
			v.maxLength(maxBookmarks),
		),
	),
	deletedBookmarks: v.optional(
		v.pipe(
			v.array(v.object({...deletedBookmarkSchema.entries, deletedAt: date})),
			v.maxLength(maxBookmarks),
		),
	),
});

export type ReadFile = {file: DeviceFile; problem?: undefined} | {problem: string};

/**
 * Another device's file, checked; `expected` is the device id its name gives, and the work it
 * must be about. Text shown later (the device name, labels) is made safe here.
 */
export function readDeviceFile(text: string, expected: {device: string; work: string}): ReadFile {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		// A file caught half-written by the sync program is the usual cause; the next pull reads it whole.
		return {problem: 'not complete JSON'};
	}

	const checked = check(deviceFileSchema, value);
	if (checked.problem !== undefined) return {problem: checked.problem};
	const file = checked.value;
	if (file.device.id !== expected.device) return {problem: 'its device id is not its name'};
	if (file.work !== expected.work) return {problem: 'it is about another work'};
	// Labels are compared with this device's own, which come from the same (already safe) text.
	const safe = (text: string) => sanitiseLine(text);
	return {
		file: {
			...file,
			title: safe(file.title ?? '').slice(0, 200),
			device: {
				id: file.device.id,
				name: sanitiseLine(file.device.name).slice(0, maxName).trim() || 'another device',
			},
			bookmarks: (file.bookmarks ?? []).map((bookmark) => ({
				...bookmark,
				label: safe(bookmark.label),
			})),
			deletedBookmarks: (file.deletedBookmarks ?? []).map((deleted) => ({
				...deleted,
				label: safe(deleted.label),
			})),
		},
	};
}

/** This device's file, as written. */
export function deviceFileText(file: DeviceFile): string {
	return JSON.stringify(file, undefined, '\t') + '\n';
}
