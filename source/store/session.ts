// Saves one work's reading state: soon after every move, and at once when asked (quit, signals).

import type {Anchor, Mark} from '../work/anchor.ts';
import {fractionAt} from '../work/progress.ts';
import type {Work} from '../work/types.ts';
import type {Clock} from './clock.ts';
import {savedFor} from './earlier-version.ts';
import {resumeAnchor, savedAnchor} from './resume.ts';
import type {DeletedBookmark} from './schema.ts';
import {type Bookmark, type SavedWork, type Store, StoreError} from './store.ts';

const saveDelayMs = 500;
/** After a save failed for want of a writable folder, it is tried again this much later. */
const retryMs = 5000;
/** After another process held the store's lock, it is tried again this much later. */
const busyRetryMs = 100;

/** Told when saving stops working (once per reason) and when it works again. */
export type SaveNews = (message: string) => void;

export class ReadingSession {
	readonly #store: Store;
	#work: Work;
	readonly #path: string;
	#bookmarks: Bookmark[];
	/** Bookmarks deleted here, kept so that a sync from another device does not bring them back. */
	#deleted: DeletedBookmark[];
	/** What was saved last: read at the start, then each save; what sync publishes and compares. */
	#saved?: SavedWork;
	#pending?: Anchor;
	#atEnd = false;
	/** The latest place, so that saving bookmarks never moves the saved position. */
	#last: Anchor;
	/** Cancels the pending save, while one is pending. */
	#cancel?: () => void;
	readonly #clock: Clock;
	/** Whether the last save was made from a preview, whose chapter and word counts are not the work's. */
	#savedFromPreview = false;
	/** The id of an earlier version's entry that this one was found under, until it is saved in its place. */
	#replaces?: string;
	#news?: SaveNews;
	/** Why the last save failed, while saving fails. */
	#problem?: string;

	/** `saved`: the entry the caller found for the work (null: it looked and found none). */
	constructor(
		store: Store,
		work: Work,
		path: string,
		start: Anchor,
		clock: Clock,
		saved?: SavedWork | null,
	) {
		this.#store = store;
		this.#clock = clock;
		this.#work = work;
		this.#path = path;
		this.#saved = saved === undefined ? savedFor(store, work, path) : (saved ?? undefined);
		if (this.#saved && this.#saved.id !== work.id) this.#replaces = this.#saved.id;
		this.#bookmarks = this.#saved?.bookmarks ?? [];
		this.#deleted = this.#saved?.deletedBookmarks ?? [];
		this.#last = start;
	}

	/** The saved bookmarks, found again in this version of the work. */
	marks(): Mark[] {
		return this.#bookmarks.map((bookmark) => ({
			anchor: resumeAnchor(this.#work, bookmark).anchor,
			label: bookmark.label,
		}));
	}

	/** Replaces the bookmarks; they are saved with the position, and those gone are remembered as deleted. */
	setMarks(marks: Mark[]): void {
		const now = this.#clock.now().toISOString();
		const created = new Map(
			this.#bookmarks.map((bookmark) => [bookmark.label, bookmark.createdAt]),
		);
		const kept = new Set(marks.map((mark) => mark.label));
		const gone = new Set(
			this.#bookmarks.filter((mark) => !kept.has(mark.label)).map((mark) => mark.label),
		);
		this.#deleted = [
			...this.#deleted.filter((deleted) => !gone.has(deleted.label) && !kept.has(deleted.label)),
			...[...gone].map((label) => ({label, deletedAt: now})),
		];
		this.#bookmarks = marks.map((mark) => ({
			...savedAnchor(this.#work, mark.anchor),
			label: mark.label,
			createdAt: created.get(mark.label) ?? now,
		}));
		this.moved(this.#last, this.#atEnd);
	}

	/** Takes the bookmarks merged with other devices'; the reader is given them by `marks()`. */
	mergedBookmarks(bookmarks: Bookmark[], deleted: DeletedBookmark[]): void {
		this.#bookmarks = bookmarks;
		this.#deleted = deleted;
		this.moved(this.#last, this.#atEnd);
	}

	/** The bookmarks as they are now, with those deleted here, for sync to merge with. */
	bookmarkState(): {bookmarks: Bookmark[]; deletedBookmarks: DeletedBookmark[]} {
		return {bookmarks: this.#bookmarks, deletedBookmarks: this.#deleted};
	}

	/** The entry saved last (or found at the start), for sync to publish and compare with. */
	saved(): SavedWork | undefined {
		return this.#saved;
	}

	/** Records a move; it reaches the disk within saveDelayMs unless flushed sooner. */
	moved(anchor: Anchor, atEnd = false): void {
		this.#atEnd = atEnd;
		this.#pending = anchor;
		this.#last = anchor;
		this.#later(saveDelayMs);
	}

	/** Tells `news` when saving the place stops working, and when it works again. */
	onSaveNews(news: SaveNews): void {
		this.#news = news;
	}

	/** Why the place could not be saved, while it cannot be. */
	saveProblem(): string | undefined {
		return this.#problem;
	}

	/**
	 * Saves at once (on quit), waiting a moment for another process's lock if it must. A failure
	 * is kept in `saveProblem()` but not tried again: the reader is closing.
	 */
	flush(): void {
		this.#save(true);
		this.#cancel?.();
		this.#cancel = undefined;
	}

	#later(ms: number): void {
		this.#cancel ??= this.#clock.after(ms, () => {
			this.#cancel = undefined;
			this.#save(false);
		});
	}

	/**
	 * Writes the pending place. While reading (`wait` false) a lock held elsewhere is never waited
	 * for, so the screen never freezes: the save is tried again shortly. A folder that cannot be
	 * written is said once, and the save tried again every few seconds until it works.
	 */
	#save(wait: boolean): void {
		this.#cancel?.();
		this.#cancel = undefined;
		const anchor = this.#pending;
		if (!anchor) return;
		this.#pending = undefined;
		const entry = this.#entry(anchor);
		let saved: boolean;
		try {
			saved = this.#store.saveWork(entry, {wait, replaces: this.#replaces});
		} catch (error) {
			if (!(error instanceof StoreError)) throw error;
			this.#pending ??= anchor;
			if (this.#problem !== error.reason) {
				this.#problem = error.reason;
				this.#news?.(`Your place cannot be saved: ${error.reason}; trying again`);
			}

			this.#later(retryMs);
			return;
		}

		if (!saved) {
			this.#pending ??= anchor;
			this.#later(busyRetryMs);
			return;
		}

		this.#saved = entry;
		this.#replaces = undefined;
		this.#savedFromPreview = this.#work.partial === true;
		if (this.#problem !== undefined) {
			this.#problem = undefined;
			this.#news?.('Your place is saved again');
		}
	}

	#entry(anchor: Anchor): SavedWork {
		const work = this.#work;
		if (work.partial) {
			// A preview knows the place but not the whole work: keep the counts saved before, or say
			// none (0 chapters), so that the next open does not take the rest for new chapters.
			const before =
				this.#store.work(work.id) ?? (this.#replaces === undefined ? undefined : this.#saved);
			return {
				...this.#wholeEntry(work, anchor),
				fraction: before?.fraction ?? 0,
				chapters: before?.chapters ?? 0,
				words: before?.words ?? 0,
			};
		}

		return this.#wholeEntry(work, anchor);
	}

	#wholeEntry(work: Work, anchor: Anchor): SavedWork {
		return {
			id: work.id,
			title: work.meta.title,
			authors: work.meta.authors,
			path: this.#path,
			format: work.format,
			anchor: savedAnchor(work, anchor),
			fraction: this.#atEnd ? 1 : fractionAt(work, anchor),
			chapters: work.chapters.length,
			words: work.wordsBefore[work.blocks.length]!,
			readAt: this.#clock.now().toISOString(),
			bookmarks: this.#bookmarks,
			...(this.#deleted.length > 0 && {deletedBookmarks: this.#deleted}),
		};
	}

	/** The whole work, once read, in place of its preview; anchors are the same in both. */
	setWork(work: Work): void {
		this.#work = work;
		if (this.#savedFromPreview) this.moved(this.#last, this.#atEnd);
	}
}
