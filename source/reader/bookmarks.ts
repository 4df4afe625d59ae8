// The bookmarks slice: the reader's marks in reading order and the cursor over them.

import {compareAnchors, type Anchor, type Mark} from '../work/anchor.ts';
import {chapterAt} from '../work/progress.ts';
import type {Book} from './book.ts';
import {jumpTo} from './jump.ts';
import type {ReaderState} from './state.ts';

export type BookmarkAction =
	| {type: 'bookmark-add'}
	| {type: 'bookmark-move'; by: number}
	| {type: 'bookmark-open'}
	| {type: 'bookmark-delete'}
	/** The bookmarks merged with other devices' (by sync), in place of the reader's. */
	| {type: 'bookmarks-synced'; marks: Mark[]}
	/** `''`: back to where the reader was before the last jump; with none, the list just closes. */
	| {type: 'jump-back'};

/** Enough words to fill a wide list's row; a narrower list cuts the label at its edge. */
const labelCharacters = 96;

function openingWords(text: string, characters: number): string {
	if (text.length <= characters) return text;
	const space = text.lastIndexOf(' ', characters);
	// Text without spaces (Chinese, Japanese) is cut between characters, never inside a pair.
	const cut =
		space > 0 ? space : /[\uD800-\uDBFF]/.test(text[characters - 1]!) ? characters - 1 : characters;
	return `${text.slice(0, cut)}…`;
}

/**
 * "Chapter 2: Letters — His name was Ezra Vane, and the…": a dash joins the chapter to the
 * words, since a chapter title often holds a colon of its own.
 */
export function bookmarkLabel(book: Book, anchor: Anchor): string {
	const chapter = book.work.chapters[chapterAt(book.work, anchor.block)];
	const text =
		book.work.blocks[anchor.block]?.text.slice(anchor.offset).replace(/\s+/g, ' ').trim() ?? '';
	const words = openingWords(text, labelCharacters);
	if (!chapter || book.work.chapters.length <= 1) return words || 'Start';
	// On the chapter's own heading, its title says it all.
	return words && text !== chapter.title ? `${chapter.title} — ${words}` : chapter.title;
}

/** Where the cursor starts when the list opens: the last mark at or before the reader's place. */
export function bookmarkCursorAt(state: ReaderState): number {
	const index = state.bookmarks.findLastIndex(
		(mark) => compareAnchors(mark.anchor, state.anchor) <= 0,
	);
	return Math.max(0, index);
}

export function reduceBookmarks(
	book: Book,
	state: ReaderState,
	action: BookmarkAction,
): ReaderState {
	switch (action.type) {
		case 'bookmark-add': {
			const {anchor} = state;
			if (state.bookmarks.some((mark) => compareAnchors(mark.anchor, anchor) === 0)) {
				return {...state, message: 'Already bookmarked here'};
			}

			const label = bookmarkLabel(book, anchor);
			const bookmarks = [...state.bookmarks, {anchor, label}].sort((a, b) =>
				compareAnchors(a.anchor, b.anchor),
			);
			return {...state, bookmarks, message: `Bookmarked: ${label}`};
		}

		case 'bookmark-move': {
			const last = Math.max(0, state.bookmarks.length - 1);
			return {
				...state,
				bookmarkCursor: Math.max(0, Math.min(last, state.bookmarkCursor + action.by)),
			};
		}

		case 'bookmark-open': {
			const mark = state.bookmarks[state.bookmarkCursor];
			return mark ? jumpTo(book, {...state, overlay: undefined}, mark.anchor, mark.label) : state;
		}

		case 'bookmark-delete': {
			if (state.bookmarks.length === 0) return state;
			const deleted = state.bookmarks[state.bookmarkCursor];
			const bookmarks = state.bookmarks.filter((_, index) => index !== state.bookmarkCursor);
			return {
				...state,
				bookmarks,
				bookmarkCursor: Math.min(state.bookmarkCursor, Math.max(0, bookmarks.length - 1)),
				bookmarkDeleted: true,
				message: deleted ? `Deleted the bookmark at ${deleted.label}` : state.message,
			};
		}

		case 'bookmarks-synced': {
			const bookmarks = [...action.marks].sort((a, b) => compareAnchors(a.anchor, b.anchor));
			return {
				...state,
				bookmarks,
				bookmarkCursor: Math.min(state.bookmarkCursor, Math.max(0, bookmarks.length - 1)),
			};
		}

		case 'jump-back': {
			const closed = {...state, overlay: undefined, count: ''};
			return state.back ? jumpTo(book, closed, state.back, 'Back where you were') : closed;
		}
	}
}
