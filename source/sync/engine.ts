// What every sync engine (a synced folder, a KOReader sync server) offers the reader: places
// other devices saved for a work, and a way to publish this device's place.

import type {Anchor} from '../work/anchor.ts';
import type {Work} from '../work/types.ts';
import type {Bookmark, DeletedBookmark} from '../store/schema.ts';

/** The work being read, as an engine needs it: the model, and the file it came from. */
export type SyncedWork = {work: Work; path: string};

/** Where another device left a work, already found in this version of it. */
export type RemotePlace = {
	/** Who saved it, for the status line ("laptop", "KOReader (Kobo)"); untrusted, sanitised before use. */
	device: string;
	/** When it was saved, as an ISO date. */
	updatedAt: string;
	anchor: Anchor;
	/** False when only a percentage or chapter was known, so the anchor is approximate. */
	exact: boolean;
	/** The bookmarks that device keeps for the work, when the engine carries them. */
	bookmarks?: Bookmark[];
	/** Bookmarks that device deleted (label and when), so that a merge does not bring them back. */
	deletedBookmarks?: DeletedBookmark[];
};

/** This device's place, published after moves (debounced by the caller). */
export type LocalPlace = {
	anchor: Anchor;
	fraction: number;
	updatedAt: string;
	bookmarks: Bookmark[];
	deletedBookmarks: DeletedBookmark[];
};

export interface SyncEngine {
	/** A short name for messages: "sync folder", "kosync server". */
	readonly name: string;
	/** The other devices' places for this work; never throws (failures are reported through `problems`). */
	pull(synced: SyncedWork, signal: AbortSignal): Promise<RemotePlace[]>;
	/** Publishes this device's place; never throws, and keeps it to send later when offline. */
	push(synced: SyncedWork, place: LocalPlace, signal: AbortSignal): Promise<void>;
	/** Problems met since the last call, each to be shown once in the status line. */
	problems(): string[];
}
