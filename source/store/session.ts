// Saves one work's reading state: soon after every move, and at once when asked (quit, signals).

import type {Anchor, Mark} from '../work/anchor.ts';
import {fractionAt} from '../work/progress.ts';
import type {Work} from '../work/types.ts';
import type {Clock} from './clock.ts';
import {resumeAnchor, savedAnchor} from './resume.ts';
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
	#pending?: Anchor;
	#atEnd = false;
	/** The latest place, so that saving bookmarks never moves the saved position. */
	#last: Anchor;
	/** Cancels the pending save, while one is pending. */
	#cancel?: () => void;
	readonly #clock: Clock;
	/** Whether the last save was made from a preview, whose chapter and word counts are not the work's. */
	#savedFromPreview = false;
	#news?: SaveNews;
	/** Why the last save failed, while saving fails. */
	#problem?: string;

	constructor(store: Store, work: Work, path: string, start: Anchor, clock: Clock) {
		this.#store = store;
		this.#clock = clock;
		this.#work = work;
		this.#path = path;
		this.#bookmarks = store.work(work.id)?.bookmarks ?? [];
		this.#last = start;
	}

	/** The saved bookmarks, found again in this version of the work. */
	marks(): Mark[] {
		return this.#bookmarks.map((bookmark) => ({
			anchor: resumeAnchor(this.#work, bookmark).anchor,
			label: bookmark.label,
		}));
	}

	/** Replaces the bookmarks; they are saved with the position. */
	setMarks(marks: Mark[]): void {
		const created = new Map(
			this.#bookmarks.map((bookmark) => [bookmark.label, bookmark.createdAt]),
		);
		this.#bookmarks = marks.map((mark) => ({
			...savedAnchor(this.#work, mark.anchor),
			label: mark.label,
			createdAt: created.get(mark.label) ?? this.#clock.now().toISOString(),
		}));
		this.moved(this.#last, this.#atEnd);
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
		let saved: boolean;
		try {
			saved = this.#store.saveWork(this.#entry(anchor), {wait});
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
		};
	}

	/** The whole work, once read, in place of its preview; anchors are the same in both. */
	setWork(work: Work): void {
		this.#work = work;
		if (this.#savedFromPreview) this.moved(this.#last, this.#atEnd);
	}
}
