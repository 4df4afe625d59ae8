// Scrolling an overlay taller than the screen (help, about this work), within its lines.

import type {Book} from './book.ts';
import {lastOverlayTop, panelBodyRows, scrollingLines} from './overlay-lines.ts';
import type {OverlayScroll} from './overlays.ts';
import {textRows, type ReaderState} from './state.ts';

export function reduceOverlayScroll(
	book: Book,
	state: ReaderState,
	action: OverlayScroll,
): ReaderState {
	const lines = scrollingLines(book.work, state);
	if (!lines) return state;
	const last = lastOverlayTop(lines.length, state);
	const page = Math.max(1, panelBodyRows(textRows(state)) - 1);
	const {by} = action;
	const wanted =
		by === 'top'
			? 0
			: by === 'bottom'
				? last
				: state.overlayTop + (by === 'page' ? page : by === '-page' ? -page : by);
	return {...state, overlayTop: Math.max(0, Math.min(last, wanted))};
}
