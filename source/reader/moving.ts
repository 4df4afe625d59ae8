// The moving slice: the anchor and the count typed before a key; lines, pages, scenes, chapters.

import {compareAnchors, startAnchor, type Anchor} from '../work/anchor.ts';
import {anchorAtFraction, chapterAt, fractionAt, sceneAt, sectionAt} from '../work/progress.ts';
import type {Book} from './book.ts';
import {jumpTo, layoutOf, moveTo} from './jump.ts';
import {textRows, type ReaderState} from './state.ts';

export type MoveAction =
	| {type: 'scroll'; by: 'line' | 'half' | 'page'; direction: 1 | -1}
	| {type: 'top'}
	| {type: 'bottom'}
	| {type: 'digit'; digit: string}
	| {type: 'percent'}
	| {type: 'goto'}
	| {type: 'section'; direction: 1 | -1}
	| {type: 'chapter'; direction: 1 | -1}
	/** A jump from outside the keys: a place another device saved (sync), with what to say. */
	| {type: 'jump'; anchor: Anchor; message?: string};

const endMessage = 'End of the work';
const startMessage = 'Start of the work';

function scroll(book: Book, state: ReaderState, lines: number): ReaderState {
	const layout = layoutOf(book, state);
	const rows = textRows(state);
	if (lines > 0 && layout.atEnd(state.anchor, rows))
		return {...state, count: '', message: endMessage};
	const anchor = layout.scroll(state.anchor, lines, rows);
	if (lines < 0 && compareAnchors(anchor, state.anchor) === 0)
		return {...state, count: '', message: startMessage};
	return moveTo(state, anchor);
}

function scrollLines(state: ReaderState, by: 'line' | 'half' | 'page'): number {
	const rows = textRows(state);
	const count = Number(state.count) || 1;
	if (by === 'line') return count;
	if (by === 'half') return Math.max(1, Math.floor(rows / 2));
	return Math.max(1, rows - 2);
}

/** Next or previous start among sorted ranges; "previous" first goes back to the current start. */
function stepRange(
	starts: Array<{start: number}>,
	index: number,
	anchor: Anchor,
	direction: 1 | -1,
): number | undefined {
	if (direction === 1) return starts[index + 1]?.start;
	const current = starts[index];
	if (current && compareAnchors(anchor, {block: current.start, offset: 0}) > 0)
		return current.start;
	return index > 0 ? starts[index - 1]!.start : undefined;
}

export function reduceMoving(book: Book, state: ReaderState, action: MoveAction): ReaderState {
	const {work} = book;
	switch (action.type) {
		case 'scroll': {
			return scroll(book, state, action.direction * scrollLines(state, action.by));
		}

		// The start and the end are jumps too (as in vim), so that '' goes back from them.
		case 'top': {
			return moveTo({...state, back: state.anchor}, startAnchor);
		}

		case 'bottom': {
			return moveTo(
				{...state, back: state.anchor},
				layoutOf(book, state).endAnchor(textRows(state)),
			);
		}

		case 'digit': {
			return state.count.length >= 9 ? state : {...state, count: state.count + action.digit};
		}

		case 'percent': {
			if (!state.count) return state;
			const asked = Number(state.count);
			const percent = Math.min(100, asked);
			// A place in the last screen lands where G does, never past the end into blank rows.
			const layout = layoutOf(book, state);
			// The top line is the first that starts at N% or after, so that the status says N%, not N-1.
			const at = layout.positionOf(anchorAtFraction(work, percent / 100));
			const line = layout.anchorOf(at);
			const from =
				fractionAt(work, line) < percent / 100 ? layout.anchorOf(layout.moveBy(at, 1)) : line;
			const target = layout.clamp(from, textRows(state));
			return jumpTo(
				book,
				state,
				target,
				asked > 100 ? `${asked}% is past the end: at the end` : undefined,
			);
		}

		case 'goto': {
			if (!state.count) return moveTo({...state, back: state.anchor}, startAnchor);
			const asked = Number(state.count);
			const {chapters} = work;
			const chapter = chapters[Math.min(asked, chapters.length) - 1];
			if (!chapter) return {...state, count: ''};
			const clamped = asked > chapters.length;
			const count = chapters.length === 1 ? 'one chapter' : `${chapters.length} chapters`;
			return jumpTo(
				book,
				state,
				{block: chapter.start, offset: 0},
				clamped ? `There are ${count}: ${chapter.title}` : chapter.title,
			);
		}

		case 'section': {
			const index = sectionAt(work, state.anchor.block);
			const start = stepRange(work.sections, index, state.anchor, action.direction);
			if (start === undefined)
				return {
					...state,
					count: '',
					message: action.direction === 1 ? 'Last scene' : 'First scene',
				};
			const scene = sceneAt(work, start)!;
			return jumpTo(book, state, {block: start, offset: 0}, `Scene ${scene.number}/${scene.count}`);
		}

		case 'chapter': {
			const index = chapterAt(work, state.anchor.block);
			const start = stepRange(work.chapters, index, state.anchor, action.direction);
			if (start === undefined)
				return {
					...state,
					count: '',
					message: action.direction === 1 ? 'Last chapter' : 'First chapter',
				};
			return jumpTo(
				book,
				state,
				{block: start, offset: 0},
				work.chapters[chapterAt(work, start)]!.title,
			);
		}

		case 'jump': {
			return jumpTo(book, {...state, overlay: undefined}, action.anchor, action.message);
		}
	}
}
