// While only the start of a long work is read, keys that need the whole of it wait, in order.

import type {Anchor} from '../work/anchor.ts';
import type {Book} from './book.ts';
import type {Action} from './actions.ts';
import type {KeyInfo} from './keys.ts';
import {textRows, textWidth, type ReaderState} from './state.ts';

export type TypedKey = {input: string; key: KeyInfo};

/** What the shell learns once the whole work is read: where to resume, what to say. */
export type Arrival = {
	anchor?: Anchor;
	message?: string;
	newChapters?: number[];
	/** The place was found in a work that changed since (new chapters): it is saved again at once. */
	changed?: boolean;
};

export const waitingMessage = 'Reading the whole work…';

/** Whether an action, on the start of a work, could give another answer than on the whole. */
export function needsWholeWork(book: Book, state: ReaderState, action: Action): boolean {
	switch (action.type) {
		case 'scroll': {
			if (action.direction === -1) return false;
			// Near the end of what is read so far, a move forward might stop short of the real text.
			const layout = book.layout(textWidth(state), state.revealTags);
			const rows = textRows(state);
			return layout.atEnd(layout.scroll(state.anchor, rows * 2, rows), rows);
		}

		case 'bottom':
		case 'percent':
		case 'goto':
		case 'section':
		case 'chapter':
		case 'search-submit':
		case 'search-next': {
			return true;
		}

		case 'overlay': {
			return action.overlay === 'toc' || action.overlay === 'meta';
		}

		default: {
			return false;
		}
	}
}

/** Keeps a key for later; the status says why nothing moved yet. */
export function queueKey(state: ReaderState, typed: TypedKey): ReaderState {
	return {...state, queued: [...state.queued, typed], message: waitingMessage};
}
