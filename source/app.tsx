// The top-level component: wires the reducer, the terminal size, keys and saving together.

import {Box, useApp, useInput, useWindowSize} from 'ink';
import {useEffect, useReducer, useRef} from 'react';
import type {Anchor, Mark} from './work/anchor.ts';
import type {Book} from './reader/book.ts';
import type {Arrival} from './reader/loading.ts';
import {layoutOf} from './reader/jump.ts';
import {reduceApp, type AppAction} from './reader/reducer.ts';
import {leftMargin, textRows, type ReaderState} from './reader/state.ts';
import {statusOf} from './reader/status.ts';
import {systemClock, type Clock} from './store/clock.ts';
import {BookmarksOverlay} from './ui/BookmarksOverlay.tsx';
import {HelpOverlay} from './ui/HelpOverlay.tsx';
import {MetaOverlay} from './ui/MetaOverlay.tsx';
import {StatusBar} from './ui/StatusBar.tsx';
import {TextView} from './ui/TextView.tsx';
import {TocOverlay} from './ui/TocOverlay.tsx';

const messageMs = 4000;
/** How long one step of a search prepared while its query is typed may hold up the next key. */
const searchStepMs = 4;
/** Shorter queries would each gather a great many matches, only to be typed on. */
const preparedFromChars = 3;

export type AppProps = {
	book: Book;
	initial: ReaderState;
	color?: boolean;
	wordsPerMinute?: number;
	/** When a message goes away; the system's clock unless a test stands in. */
	clock?: Clock;
	/** Fixed size for tests; the terminal's own size otherwise. */
	size?: {columns: number; rows: number};
	/** Called after every move, with whether the view shows the end of the work. */
	onMove?: (anchor: Anchor, atEnd: boolean) => void;
	onWidth?: (maxWidth: number) => void;
	onBookmarks?: (marks: Mark[]) => void;
	onQuit?: (state: ReaderState) => void;
	/** Given with the whole work once it replaces its start: where to resume, what to say. */
	arrival?: Arrival;
	/** Lets the shell hand actions in from outside the keys (sync); returns how to stop. */
	events?: (dispatch: (action: AppAction) => void) => () => void;
};

export function App({
	book,
	initial,
	color = true,
	wordsPerMinute = 250,
	clock = systemClock,
	size,
	onMove,
	onWidth,
	onBookmarks,
	onQuit,
	arrival,
	events,
}: AppProps) {
	const terminal = useWindowSize();
	const {columns, rows} = size ?? terminal;
	const [state, dispatch] = useReducer(
		(current: ReaderState, action: AppAction) => reduceApp(book, current, action),
		initial,
	);
	const {exit} = useApp();

	useEffect(() => {
		dispatch({type: 'resize', columns, rows});
	}, [columns, rows]);

	useEffect(() => {
		if (arrival) dispatch({type: 'arrived', arrival});
	}, [arrival]);

	useEffect(() => events?.(dispatch), [events]);

	// A long work's search runs in steps while its query is typed, between keys, so that Enter
	// finds it done; each key typed starts the search for the new query.
	const {typing, draft} = state.search;
	useEffect(() => {
		const index = book.searchIndex;
		if (!typing || draft.length < preparedFromChars || !index?.handles(draft)) return;
		const scan = index.scanFor(draft);
		const step = () => {
			if (!scan.advance(searchStepMs)) timer = setImmediate(step);
		};

		let timer = setImmediate(step);
		return () => {
			clearImmediate(timer);
		};
	}, [book, typing, draft]);

	useInput((input, key) => {
		dispatch({type: 'key', input, key});
	});

	const view = {...state, columns, rows};
	const height = textRows(view);
	const layout = layoutOf(book, view);
	const atEnd = layout.atEnd(state.anchor, height);
	useEffect(() => {
		if (state.moved > 0) onMove?.(state.anchor, atEnd);
	}, [state.anchor, state.moved, atEnd, onMove]);

	useEffect(() => {
		onWidth?.(state.maxWidth);
	}, [state.maxWidth, onWidth]);

	const firstMarks = useRef(state.bookmarks);
	useEffect(() => {
		if (state.bookmarks !== firstMarks.current) onBookmarks?.(state.bookmarks);
	}, [state.bookmarks, onBookmarks]);

	useEffect(() => {
		if (!state.quitting) return;
		onQuit?.(state);
		exit();
	}, [state, onQuit, exit]);

	useEffect(() => {
		if (!state.message) return;
		return clock.after(messageMs, () => dispatch({type: 'message'}));
	}, [state.message, clock]);

	const status = statusOf({
		work: book.work,
		anchor: state.anchor,
		atEnd,
		wordsPerMinute,
	});
	let body;
	if (state.overlay === 'help')
		body = <HelpOverlay top={state.overlayTop} rows={height} columns={columns} />;
	else if (state.overlay === 'meta')
		body = (
			<MetaOverlay
				work={book.work}
				revealTags={state.revealTags}
				top={state.overlayTop}
				rows={height}
				columns={columns}
			/>
		);
	else if (state.overlay === 'bookmarks') {
		body = (
			<BookmarksOverlay
				marks={state.bookmarks}
				cursor={state.bookmarkCursor}
				deleted={state.bookmarkDeleted === true}
				rows={height}
				columns={columns}
			/>
		);
	} else if (state.overlay === 'toc') {
		body = (
			<TocOverlay
				entries={book.toc}
				cursor={state.tocCursor}
				current={book.toc.indexAt(state.anchor.block)}
				newChapters={state.newChapters}
				rows={height}
				columns={columns}
			/>
		);
	} else {
		body = (
			<TextView
				layout={layout}
				anchor={state.anchor}
				rows={height}
				margin={leftMargin(view)}
				query={state.search.query}
				color={color}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			{body}
			{rows >= 2 ? (
				<StatusBar
					work={book.work}
					status={status}
					columns={columns}
					message={state.message}
					prompt={state.search.typing ? state.search.draft : undefined}
					count={state.count}
					color={color}
				/>
			) : null}
		</Box>
	);
}
