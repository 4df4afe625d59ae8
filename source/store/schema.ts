// The shape of what the store keeps, checked whenever it is read: the file is the user's, and
// anything (an older ficterm, a hand edit, another program) may have written it.

import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const savedAnchorSchema = v.object({
	block: count,
	offset: count,
	/** The text from the offset on, and the block's first words, to find the place in a changed work. */
	snippet: v.string(),
	opening: v.string(),
	chapter: count,
});

export const bookmarkSchema = v.object({
	...savedAnchorSchema.entries,
	label: v.string(),
	createdAt: v.string(),
});

/** A bookmark deleted on this device, remembered so that syncing does not bring it back. */
export const deletedBookmarkSchema = v.object({label: v.string(), deletedAt: v.string()});

export const savedWorkSchema = v.object({
	id: v.string(),
	title: v.string(),
	authors: v.array(v.string()),
	path: v.string(),
	format: v.string(),
	anchor: savedAnchorSchema,
	fraction: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
	chapters: count,
	words: count,
	readAt: v.string(),
	bookmarks: v.array(bookmarkSchema),
	deletedBookmarks: v.optional(v.array(deletedBookmarkSchema)),
});

export const settingsSchema = v.object({
	maxWidth: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
	wordsPerMinute: v.optional(v.pipe(v.number(), v.minValue(1))),
	/** The synced folder (Syncthing, Dropbox, …) that places are shared through; absent: no sync. */
	syncDir: v.optional(v.string()),
});

export type SavedAnchor = v.InferOutput<typeof savedAnchorSchema>;
export type Bookmark = v.InferOutput<typeof bookmarkSchema>;
export type DeletedBookmark = v.InferOutput<typeof deletedBookmarkSchema>;
export type SavedWork = v.InferOutput<typeof savedWorkSchema>;
export type Settings = v.InferOutput<typeof settingsSchema>;

export type Checked<T> = {value: T; problem?: undefined} | {value?: undefined; problem: string};

/** The value if it has the schema's shape, or what is wrong with it first, in a few words. */
export function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown): Checked<T> {
	const result = v.safeParse(schema, value);
	// The value itself, not the parsed copy, so that fields a newer ficterm added are kept.
	if (result.success) return {value: value as T};
	const issue = result.issues[0];
	const path = v.getDotPath(issue);
	const what =
		issue.received === 'undefined'
			? 'missing'
			: `expected ${issue.expected}, got ${issue.received}`;
	return {problem: `${path ?? 'the entry'}: ${what}`};
}
