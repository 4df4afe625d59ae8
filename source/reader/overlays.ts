// The overlays slice: which overlay covers the text (help, contents, about, bookmarks), the
// contents' cursor, and closing.

import type {Book} from './book.ts';
import {bookmarkCursorAt} from './bookmarks.ts';
import {jumpTo} from './jump.ts';
import type {Overlay, ReaderState} from './state.ts';

export type OverlayAction =
	| {type: 'overlay'; overlay: Overlay}
	| {type: 'close'}
	| {type: 'toc-move'; by: number}
	| {type: 'toc-open'}
	| OverlayScroll;

/** Scrolling the help or "about this work" (see overlay-scroll.ts). */
export type OverlayScroll = {
	type: 'overlay-scroll';
	by: number | 'page' | '-page' | 'top' | 'bottom';
};

export function reduceOverlays(
	book: Book,
	state: ReaderState,
	action: Exclude<OverlayAction, OverlayScroll>,
): ReaderState {
	switch (action.type) {
		case 'overlay': {
			if (state.overlay === action.overlay) return {...state, overlay: undefined};
			if (action.overlay === 'bookmarks') {
				return {
					...state,
					overlay: 'bookmarks',
					bookmarkCursor: bookmarkCursorAt(state),
					bookmarkDeleted: false,
					count: '',
					message: undefined,
				};
			}

			const tocCursor =
				action.overlay === 'toc'
					? Math.max(0, book.toc.indexAt(state.anchor.block))
					: state.tocCursor;
			return {
				...state,
				overlay: action.overlay,
				tocCursor,
				overlayTop: 0,
				count: '',
				message: undefined,
			};
		}

		case 'close': {
			if (state.search.typing)
				return {...state, search: {...state.search, typing: false, draft: ''}};
			return {...state, overlay: undefined, count: '', message: undefined};
		}

		case 'toc-move': {
			const last = Math.max(0, book.toc.length - 1);
			return {...state, tocCursor: Math.max(0, Math.min(last, state.tocCursor + action.by))};
		}

		case 'toc-open': {
			const entry = book.toc.at(state.tocCursor);
			if (!entry) return state;
			const title = book.work.chapters[entry.chapter]?.title;
			return jumpTo(book, {...state, overlay: undefined}, {block: entry.start, offset: 0}, title);
		}
	}
}
