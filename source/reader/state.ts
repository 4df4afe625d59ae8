// The reader's whole state, and the view sizes derived from it.

import {startAnchor, type Anchor, type Mark} from '../work/anchor.ts';
import type {KeyInfo} from './keys.ts';

export type Overlay = 'help' | 'toc' | 'meta' | 'bookmarks';

export type SearchState = {
	/** The prompt is open and keys are typed into it. */
	typing: boolean;
	draft: string;
	query: string;
	/** Matches as block + offset, in reading order; found lazily over the whole work. */
	matches: Anchor[];
	current: number;
	/** The reader's move count once at the current match: a move since makes n and N start from the screen. */
	landed?: number;
	/** Whether the folded tags were searched too, so matches are found again when that changes. */
	revealTags: boolean;
};

export type ReaderState = {
	anchor: Anchor;
	columns: number;
	rows: number;
	/** The widest the text may be; the terminal may make it narrower. */
	maxWidth: number;
	revealTags: boolean;
	overlay?: Overlay;
	/** Digits typed before a command, as in less and vim ("50%", "3g"). */
	count: string;
	message?: string;
	search: SearchState;
	tocCursor: number;
	/** The first line shown of an overlay that scrolls (help, about this work). */
	overlayTop: number;
	bookmarks: Mark[];
	bookmarkCursor: number;
	/** A bookmark was deleted since the list opened: an empty list then says none are left. */
	bookmarkDeleted?: boolean;
	/** Chapters added since the reader last opened the work (their indexes), marked in the contents. */
	newChapters: number[];
	/** 'stop' is Ctrl+C, which ends the program even from the library; 'quit' goes back to it. */
	quitting: false | 'quit' | 'stop';
	/** Where the reader was before the last jump, for `''` to go back to (as vim's `''`). */
	back?: Anchor;
	/** Set by every move, so the store knows when to save. */
	moved: number;
	/** Keys typed while only the start of a long work was read, that wait for the whole of it. */
	queued: Array<{input: string; key: KeyInfo}>;
	/** The saved place lies beyond the start read so far: every key waits until it is found. */
	waitingForPlace: boolean;
};

export const defaultMaxWidth = 80;
export const minWidth = 20;

export function initialState(options: {
	columns: number;
	rows: number;
	maxWidth?: number;
	anchor?: Anchor;
	message?: string;
	bookmarks?: Mark[];
	newChapters?: number[];
	waitingForPlace?: boolean;
	/** Saves the place at once (its work changed since it was saved). */
	changed?: boolean;
}): ReaderState {
	return {
		anchor: options.anchor ?? startAnchor,
		columns: options.columns,
		rows: options.rows,
		maxWidth: options.maxWidth ?? defaultMaxWidth,
		revealTags: false,
		count: '',
		message: options.message,
		search: {typing: false, draft: '', query: '', matches: [], current: -1, revealTags: false},
		tocCursor: 0,
		overlayTop: 0,
		bookmarks: options.bookmarks ?? [],
		bookmarkCursor: 0,
		newChapters: options.newChapters ?? [],
		quitting: false,
		moved: options.changed ? 1 : 0,
		queued: [],
		waitingForPlace: options.waitingForPlace ?? false,
	};
}

/** Rows for the text: the terminal less the status bar (and never fewer than one). */
export function textRows(state: ReaderState): number {
	return state.rows >= 2 ? state.rows - 1 : Math.max(1, state.rows);
}

/** Columns for the text: at most maxWidth, leaving a small margin on terminals wide enough for it. */
export function textWidth(state: ReaderState): number {
	const columns = Math.max(1, state.columns);
	const room = columns >= 30 ? columns - 4 : columns;
	return Math.max(1, Math.min(state.maxWidth, room));
}

export function leftMargin(state: ReaderState): number {
	return Math.max(0, Math.floor((state.columns - textWidth(state)) / 2));
}
