// The library screen: wires its state, the terminal's size and keys together; forgetting a work
// and the choice are reported to the runner, which owns the store.

import {useApp, useInput, useWindowSize} from 'ink';
import {useEffect, useReducer, useRef} from 'react';
import type {LibraryEntry} from './library/entries.ts';
import {reduceLibrary, type LibraryState} from './library/library-state.ts';
import {libraryActionForKey} from './reader/key-lookup.ts';
import {eachKey} from './reader/keys.ts';
import {Library} from './ui/Library.tsx';

type Props = {
	entries: LibraryEntry[];
	now: Date;
	/** Fixed size for tests; the terminal's own size otherwise. */
	size?: {columns: number; rows: number};
	onForget: (entry: LibraryEntry) => void;
	onDone: (state: LibraryState) => void;
};

export function LibraryApp({entries, now, size, onForget, onDone}: Props) {
	const terminal = useWindowSize();
	const {columns, rows} = size ?? terminal;
	const [state, dispatch] = useReducer(reduceLibrary, {entries, cursor: 0, quitting: false});
	const {exit} = useApp();
	useInput((input, key) => {
		for (const each of eachKey(input, key)) {
			const action = libraryActionForKey(each.input, each.key);
			if (action) dispatch(action);
		}
	});
	const forgotten = useRef(new Set<string>());
	useEffect(() => {
		// The reducer marks a forgotten entry unread; the store forgets it here, once.
		for (const entry of entries) {
			const now = state.entries.find((other) => other.path === entry.path);
			if (entry.readAt && !now?.readAt && !forgotten.current.has(entry.path)) {
				forgotten.current.add(entry.path);
				onForget(entry);
			}
		}
	}, [state.entries, entries, onForget]);
	useEffect(() => {
		if (!state.chosen && !state.quitting) return;
		onDone(state);
		exit();
	}, [state, onDone, exit]);

	return <Library state={state} now={now} columns={columns} rows={rows} />;
}
