// Moving the reader's place, shared by every slice that moves it: a step, or a jump to a line's top.

import type {Layout} from '../layout/layout.ts';
import type {Anchor} from '../work/anchor.ts';
import type {Book} from './book.ts';
import {textWidth, type ReaderState} from './state.ts';

export function layoutOf(book: Book, state: ReaderState): Layout {
	return book.layout(textWidth(state), state.revealTags);
}

export function moveTo(state: ReaderState, anchor: Anchor, message?: string): ReaderState {
	return {...state, anchor, count: '', message, moved: state.moved + 1};
}

/**
 * A jump lands its target's line at the top of the view, even past where scrolling would stop,
 * and remembers where the reader was, so that `''` goes back there.
 */
export function jumpTo(
	book: Book,
	state: ReaderState,
	anchor: Anchor,
	message?: string,
): ReaderState {
	const layout = layoutOf(book, state);
	return moveTo(
		{...state, back: state.anchor},
		layout.anchorOf(layout.positionOf(anchor)),
		message,
	);
}
