// Saves one work's reading state: soon after every move, and at once when asked (quit, signals).

import type {Anchor, Mark} from '../work/anchor.ts';
import {fractionAt} from '../work/progress.ts';
import type {Work} from '../work/types.ts';
import type {Clock} from './clock.ts';
import {resumeAnchor, savedAnchor} from './resume.ts';
import type {DeletedBookmark} from './schema.ts';
import type {Bookmark, SavedWork, Store} from './store.ts';

const saveDelayMs = 500;

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

	constructor(store: Store, work: Work, path: string, start: Anchor, clock: Clock) {
		this.#store = store;
		this.#clock = clock;
		this.#work = work;
		this.#path = path;
		this.#saved = store.work(work.id);
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
		this.#cancel ??= this.#clock.after(saveDelayMs, () => {
			this.#cancel = undefined;
			this.flush();
		});
	}

	flush(): void {
		this.#cancel?.();
		this.#cancel = undefined;
		const anchor = this.#pending;
		if (!anchor) return;
		this.#pending = undefined;
		this.#saved = this.#entry(anchor);
		this.#store.saveWork(this.#saved);
		this.#savedFromPreview = this.#work.partial === true;
	}

	#entry(anchor: Anchor): SavedWork {
		const work = this.#work;
		if (work.partial) {
			// A preview knows the place but not the whole work: keep the counts saved before, or say
			// none (0 chapters), so that the next open does not take the rest for new chapters.
			const before = this.#store.work(work.id);
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
