// The library screen: wires its state, the terminal's size and keys together; every state is
// reported to the runner, which owns the store and forgets works when the library closes.

import {useApp, useInput, useWindowSize} from 'ink';
import {useEffect, useReducer} from 'react';
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
	/** Every state, the last one too however the library ends (a key, a signal). */
	onState: (state: LibraryState) => void;
};

export function LibraryApp({entries, now, size, onState}: Props) {
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
	useEffect(() => {
		onState(state);
	}, [state, onState]);
	useEffect(() => {
		if (!state.chosen && !state.quitting) return;
		exit();
	}, [state, exit]);

	return <Library state={state} now={now} columns={columns} rows={rows} />;
}
