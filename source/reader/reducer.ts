// Every change to the reader's state: one pure function of the state and an action, which hands
// each action to the slice that owns it; and keys, turned into actions against the state they meet.

import type {Action} from './actions.ts';
import type {Book} from './book.ts';
import {reduceBookmarks} from './bookmarks.ts';
import {actionForKey} from './key-lookup.ts';
import {jumpTo} from './jump.ts';
import {eachKey, type KeyInfo} from './keys.ts';
import {needsWholeWork, queueKey, waitingMessage, type Arrival} from './loading.ts';
import {reduceMoving} from './moving.ts';
import {reduceOverlayScroll} from './overlay-scroll.ts';
import {reduceOverlays} from './overlays.ts';
import {reduceSearching} from './searching.ts';
import type {ReaderState} from './state.ts';
import {reduceView} from './view.ts';

export function reduce(book: Book, state: ReaderState, action: Action): ReaderState {
	switch (action.type) {
		case 'scroll':
		case 'top':
		case 'bottom':
		case 'digit':
		case 'percent':
		case 'goto':
		case 'section':
		case 'chapter':
		case 'jump': {
			return reduceMoving(book, state, action);
		}

		case 'resize':
		case 'width':
		case 'reveal-tags':
		case 'message':
		case 'quit': {
			return reduceView(state, action);
		}

		case 'overlay-scroll': {
			return reduceOverlayScroll(book, state, action);
		}

		case 'overlay':
		case 'close':
		case 'toc-move':
		case 'toc-open': {
			return reduceOverlays(book, state, action);
		}

		case 'bookmark-add':
		case 'bookmark-move':
		case 'bookmark-open':
		case 'bookmark-delete':
		case 'bookmarks-synced':
		case 'jump-back': {
			return reduceBookmarks(book, state, action);
		}

		case 'search-start':
		case 'search-type':
		case 'search-erase':
		case 'search-submit':
		case 'search-next': {
			return reduceSearching(book, state, action);
		}
	}
}

export type AppAction =
	Action | {type: 'key'; input: string; key: KeyInfo} | {type: 'arrived'; arrival: Arrival};

/** The whole work is here: settle on the saved place if it was waited for, then run the waiting keys. */
function arrive(book: Book, state: ReaderState, arrival: Arrival): ReaderState {
	let current: ReaderState = {...state, queued: [], waitingForPlace: false};
	// Finding the saved place is no jump of the reader's: there is nothing to go back to.
	if (state.waitingForPlace && arrival.anchor)
		current = {...jumpTo(book, current, arrival.anchor), back: undefined};
	current = {
		...current,
		message: arrival.message ?? (state.message === waitingMessage ? undefined : state.message),
		newChapters: arrival.newChapters ?? current.newChapters,
		moved: current.moved + (arrival.changed ? 1 : 0),
	};
	for (const typed of state.queued) current = reduceApp(book, current, {type: 'key', ...typed});
	return current;
}

/** Keys are turned into actions against the state they arrive at, so keys typed together all count. */
export function reduceApp(book: Book, state: ReaderState, action: AppAction): ReaderState {
	if (action.type === 'arrived') return arrive(book, state, action.arrival);
	if (action.type !== 'key') return reduce(book, state, action);
	const keys = eachKey(action.input, action.key);
	if (keys.length > 1) {
		// Keys that arrive in one read ("jjj" from a held key, "/word⏎" typed fast) each count.
		let current = state;
		for (const key of keys) current = reduceApp(book, current, {type: 'key', ...key});
		return current;
	}

	const typed = {input: action.input, key: action.key};
	const partial = book.work.partial === true;
	if (partial && (state.waitingForPlace || state.queued.length > 0)) {
		const next = actionForKey(action.input, action.key, state);
		return next?.type === 'quit' ? reduce(book, state, next) : queueKey(state, typed);
	}

	const next = actionForKey(action.input, action.key, state);
	if (!next) return state;
	if (partial && needsWholeWork(book, state, next)) return queueKey(state, typed);
	return reduce(book, state, next);
}
