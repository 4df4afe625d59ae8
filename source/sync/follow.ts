// What the reader does with the places other devices saved: which one to move to, if any, and
// the bookmarks of all devices merged into one list.

import {compareAnchors, type Anchor} from '../work/anchor.ts';
import type {Bookmark, DeletedBookmark} from '../store/schema.ts';
import type {RemotePlace} from './engine.ts';

/** Deletions remembered per work; the oldest are let go, as a bookmark deleted long ago is settled. */
const maxDeleted = 200;

const time = (iso: string | undefined) =>
	iso === undefined ? Number.NEGATIVE_INFINITY : Date.parse(iso);

/**
 * The newest place another device saved after `since` (this device's own last save, or the last
 * place followed), unless it is where the reader already is. Older places are ignored.
 */
export function placeToFollow(
	remotes: readonly RemotePlace[],
	local: {since?: string; anchor: Anchor},
): RemotePlace | undefined {
	const since = time(local.since);
	let newest: RemotePlace | undefined;
	for (const place of remotes) {
		const at = time(place.updatedAt);
		if (at > since && (!newest || at > time(newest.updatedAt))) newest = place;
	}

	if (!newest || compareAnchors(newest.anchor, local.anchor) === 0) return undefined;
	return newest;
}

export type MergedBookmarks = {
	bookmarks: Bookmark[];
	deletedBookmarks: DeletedBookmark[];
	/** Whether the list of bookmarks differs from this device's. */
	changed: boolean;
};

/**
 * The union of every device's bookmarks (by label), less those some device deleted after they
 * were made; a bookmark made again after its deletion stays.
 */
export function mergeBookmarks(
	local: readonly Bookmark[],
	localDeleted: readonly DeletedBookmark[],
	remotes: readonly RemotePlace[],
): MergedBookmarks {
	const deleted = new Map<string, DeletedBookmark>();
	const byLabel = new Map<string, Bookmark>();
	for (const mark of localDeleted) deleted.set(mark.label, mark);
	for (const mark of local) byLabel.set(mark.label, mark);
	for (const remote of remotes) {
		for (const mark of remote.deletedBookmarks ?? []) {
			const known = deleted.get(mark.label);
			if (!known || time(mark.deletedAt) > time(known.deletedAt)) deleted.set(mark.label, mark);
		}

		for (const mark of remote.bookmarks ?? []) {
			const known = byLabel.get(mark.label);
			if (!known || time(mark.createdAt) > time(known.createdAt)) byLabel.set(mark.label, mark);
		}
	}

	const bookmarks = [...byLabel.values()].filter((mark) => {
		const gone = deleted.get(mark.label);
		return !gone || time(mark.createdAt) > time(gone.deletedAt);
	});
	const deletedBookmarks = [...deleted.values()]
		.sort((a, b) => time(a.deletedAt) - time(b.deletedAt))
		.slice(-maxDeleted);
	const labels = new Set(local.map((mark) => mark.label));
	const changed =
		bookmarks.length !== local.length || bookmarks.some((mark) => !labels.has(mark.label));
	return {bookmarks, deletedBookmarks, changed};
}
