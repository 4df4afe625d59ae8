// Every change to the reader's state: one pure function of the state and an action.

import {compareAnchors, startAnchor, type Anchor} from '../work/anchor.ts';
import type {Layout} from '../layout/layout.ts';
import {anchorAtFraction, chapterAt, rangeAt, sceneAt, sectionAt} from '../work/progress.ts';
import type {Book} from './book.ts';
import {actionForKey, eachKey, type KeyInfo} from './keymap.ts';
import {findMatches, matchFrom} from './search.ts';
import {
	defaultMaxWidth,
	minWidth,
	textRows,
	textWidth,
	type Overlay,
	type ReaderState,
} from './state.ts';

export type Action =
	| {type: 'scroll'; by: 'line' | 'half' | 'page'; direction: 1 | -1}
	| {type: 'top'}
	| {type: 'bottom'}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'quit'}
	| {type: 'digit'; digit: string}
	| {type: 'percent'}
	| {type: 'goto'}
	| {type: 'section'; direction: 1 | -1}
	| {type: 'chapter'; direction: 1 | -1}
	| {type: 'jump'; anchor: Anchor}
	| {type: 'overlay'; overlay: Overlay}
	| {type: 'close'}
	| {type: 'width'; change: 1 | -1 | 0}
	| {type: 'reveal-tags'}
	| {type: 'toc-move'; by: number}
	| {type: 'toc-open'}
	| {type: 'bookmark-add'}
	| {type: 'bookmark-move'; by: number}
	| {type: 'bookmark-open'}
	| {type: 'bookmark-delete'}
	| {type: 'search-start'}
	| {type: 'search-type'; text: string}
	| {type: 'search-erase'}
	| {type: 'search-submit'}
	| {type: 'search-next'; direction: 1 | -1}
	| {type: 'message'; text?: string};

const widthStep = 4;

export function layoutOf(book: Book, state: ReaderState): Layout {
	return book.layout(textWidth(state), state.revealTags);
}

function moveTo(state: ReaderState, anchor: Anchor, message?: string): ReaderState {
	return {...state, anchor, count: '', message, moved: state.moved + 1};
}

/** A jump lands its target's line at the top of the view, even past where scrolling would stop. */
function jumpTo(book: Book, state: ReaderState, anchor: Anchor, message?: string): ReaderState {
	const layout = layoutOf(book, state);
	return moveTo(state, layout.anchorOf(layout.positionOf(anchor)), message);
}

function scroll(book: Book, state: ReaderState, lines: number): ReaderState {
	const layout = layoutOf(book, state);
	const rows = textRows(state);
	if (lines > 0 && layout.atEnd(state.anchor, rows)) return {...state, count: ''};
	return moveTo(state, layout.scroll(state.anchor, lines, rows));
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

function bookmarkLabel(book: Book, anchor: Anchor): string {
	const chapter = book.work.chapters[chapterAt(book.work, anchor.block)];
	const text =
		book.work.blocks[anchor.block]?.text.slice(anchor.offset).replace(/\s+/g, ' ').trim() ?? '';
	const words = text.split(' ').slice(0, 8).join(' ');
	return chapter && book.work.chapters.length > 1 ? `${chapter.title}: ${words}` : words || 'Start';
}

function search(
	book: Book,
	state: ReaderState,
	query: string,
	from: Anchor,
	direction: 1 | -1,
): ReaderState {
	const fresh = query !== state.search.query || state.search.revealTags !== state.revealTags;
	const hidden = (index: number) => !state.revealTags && book.work.blocks[index]!.folded === true;
	const matches = fresh
		? findMatches(book.work, query, hidden, book.searchIndex)
		: state.search.matches;
	const base = {
		...state.search,
		typing: false,
		draft: '',
		query,
		matches,
		revealTags: state.revealTags,
	};
	if (matches.length === 0) {
		return {...state, search: {...base, current: -1}, message: `Not found: ${query}`, count: ''};
	}

	let index = matchFrom(matches, from);
	if (direction === -1) {
		index = compareAnchors(matches[index]!, from) < 0 ? index : index - 1;
		if (index < 0) index = matches.length - 1;
	}

	const next = {...state, search: {...base, current: index}};
	return jumpTo(book, next, matches[index]!, `${index + 1}/${matches.length}`);
}

export function reduce(book: Book, state: ReaderState, action: Action): ReaderState {
	const {work} = book;
	switch (action.type) {
		case 'scroll': {
			return scroll(book, state, action.direction * scrollLines(state, action.by));
		}

		case 'top': {
			return moveTo(state, startAnchor);
		}

		case 'bottom': {
			return moveTo(state, layoutOf(book, state).endAnchor(textRows(state)));
		}

		case 'resize': {
			if (action.columns === state.columns && action.rows === state.rows) return state;
			return {...state, columns: Math.max(1, action.columns), rows: Math.max(1, action.rows)};
		}

		case 'quit': {
			return {...state, quitting: true};
		}

		case 'digit': {
			return state.count.length >= 9 ? state : {...state, count: state.count + action.digit};
		}

		case 'percent': {
			if (!state.count) return state;
			const percent = Math.min(100, Number(state.count));
			return jumpTo(book, state, anchorAtFraction(work, percent / 100));
		}

		case 'goto': {
			if (!state.count) return moveTo(state, startAnchor);
			const chapter = work.chapters[Math.min(Number(state.count), work.chapters.length) - 1];
			return chapter
				? jumpTo(book, state, {block: chapter.start, offset: 0})
				: {...state, count: ''};
		}

		case 'section': {
			const index = sectionAt(work, state.anchor.block);
			const start = stepRange(work.sections, index, state.anchor, action.direction);
			if (start === undefined)
				return {
					...state,
					count: '',
					message: action.direction === 1 ? 'Last section' : 'First section',
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
			return jumpTo(book, {...state, overlay: undefined}, action.anchor);
		}

		case 'overlay': {
			if (state.overlay === action.overlay) return {...state, overlay: undefined};
			if (action.overlay === 'bookmarks') {
				const index = state.bookmarks.findLastIndex(
					(mark) => compareAnchors(mark.anchor, state.anchor) <= 0,
				);
				return {
					...state,
					overlay: 'bookmarks',
					bookmarkCursor: Math.max(0, index),
					count: '',
					message: undefined,
				};
			}

			const tocCursor =
				action.overlay === 'toc'
					? Math.max(0, rangeAt(book.toc, state.anchor.block))
					: state.tocCursor;
			return {...state, overlay: action.overlay, tocCursor, count: '', message: undefined};
		}

		case 'close': {
			if (state.search.typing)
				return {...state, search: {...state.search, typing: false, draft: ''}};
			return {...state, overlay: undefined, count: '', message: undefined};
		}

		case 'width': {
			const maxWidth =
				action.change === 0
					? defaultMaxWidth
					: Math.max(
							minWidth,
							Math.min(
								Math.max(minWidth, state.columns),
								textWidth(state) + action.change * widthStep,
							),
						);
			return {...state, maxWidth, message: `Text width ${maxWidth}`};
		}

		case 'reveal-tags': {
			return {...state, revealTags: !state.revealTags};
		}

		case 'toc-move': {
			const last = Math.max(0, book.toc.length - 1);
			return {...state, tocCursor: Math.max(0, Math.min(last, state.tocCursor + action.by))};
		}

		case 'toc-open': {
			const entry = book.toc[state.tocCursor];
			if (!entry) return state;
			const title = work.chapters[entry.chapter]?.title;
			return jumpTo(book, {...state, overlay: undefined}, {block: entry.start, offset: 0}, title);
		}

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
			const bookmarks = state.bookmarks.filter((_, index) => index !== state.bookmarkCursor);
			return {
				...state,
				bookmarks,
				bookmarkCursor: Math.min(state.bookmarkCursor, Math.max(0, bookmarks.length - 1)),
			};
		}

		case 'search-start': {
			return {
				...state,
				overlay: undefined,
				search: {...state.search, typing: true, draft: ''},
				message: undefined,
			};
		}

		case 'search-type': {
			return {...state, search: {...state.search, draft: state.search.draft + action.text}};
		}

		case 'search-erase': {
			return {
				...state,
				search: {...state.search, draft: [...state.search.draft].slice(0, -1).join('')},
			};
		}

		case 'search-submit': {
			const query = state.search.draft || state.search.query;
			if (!query) return {...state, search: {...state.search, typing: false}};
			// Search forward from just after the top line's start, so the same spot is not found again.
			return search(
				book,
				state,
				query,
				{block: state.anchor.block, offset: state.anchor.offset + 1},
				1,
			);
		}

		case 'search-next': {
			const {query, matches, current} = state.search;
			if (!query) return {...state, message: 'No search yet: press / to search'};
			const from = matches[current] ?? state.anchor;
			const after = {block: from.block, offset: from.offset + (action.direction === 1 ? 1 : 0)};
			return search(book, state, query, after, action.direction);
		}

		case 'message': {
			return {...state, message: action.text};
		}
	}
}

export type AppAction = Action | {type: 'key'; input: string; key: KeyInfo};

/** Keys are turned into actions against the state they arrive at, so keys typed together all count. */
export function reduceApp(book: Book, state: ReaderState, action: AppAction): ReaderState {
	if (action.type !== 'key') return reduce(book, state, action);
	const keys = eachKey(action.input, action.key);
	if (keys.length > 1) {
		// Keys that arrive in one read ("jjj" from a held key, "/word⏎" typed fast) each count.
		let current = state;
		for (const key of keys) current = reduceApp(book, current, {type: 'key', ...key});
		return current;
	}

	const next = actionForKey(action.input, action.key, state);
	return next ? reduce(book, state, next) : state;
}
