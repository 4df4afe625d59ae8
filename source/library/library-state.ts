// The library screen's state and keys: a cursor over the entries, open, forget, quit.

import type {KeyInfo} from '../reader/keymap.ts';
import {sanitiseLine} from '../work/sanitise.ts';
import type {LibraryEntry} from './entries.ts';

export type LibraryState = {
	entries: LibraryEntry[];
	cursor: number;
	chosen?: string;
	quitting: boolean;
	message?: string;
};

export type LibraryAction =
	{type: 'move'; by: number} | {type: 'open'} | {type: 'forget'} | {type: 'quit'};

export function libraryAction(input: string, key: KeyInfo): LibraryAction | undefined {
	if (key.downArrow || input === 'j') return {type: 'move', by: 1};
	if (key.upArrow || input === 'k') return {type: 'move', by: -1};
	if (key.pageDown || input === ' ') return {type: 'move', by: 10};
	if (key.pageUp || input === 'b') return {type: 'move', by: -10};
	if (key.return) return {type: 'open'};
	if (input === 'd') return {type: 'forget'};
	if (input === 'q' || key.escape || (key.ctrl && input === 'c')) return {type: 'quit'};
	return undefined;
}

export function reduceLibrary(state: LibraryState, action: LibraryAction): LibraryState {
	switch (action.type) {
		case 'move': {
			const last = Math.max(0, state.entries.length - 1);
			return {
				...state,
				cursor: Math.max(0, Math.min(last, state.cursor + action.by)),
				message: undefined,
			};
		}

		case 'open': {
			const entry = state.entries[state.cursor];
			if (!entry) return state;
			if (entry.missing) return {...state, message: `Missing: ${sanitiseLine(entry.path)}`};
			return {...state, chosen: entry.path};
		}

		case 'forget': {
			const entry = state.entries[state.cursor];
			if (!entry?.readAt) return {...state, message: 'Nothing saved for this work'};
			// A forgotten work in a listed folder stays listed, as unread; one elsewhere goes.
			const entries = state.entries.flatMap((other) =>
				other === entry
					? entry.missing
						? []
						: [{...entry, fraction: 0, readAt: undefined, newChapters: 0}]
					: [other],
			);
			return {
				...state,
				entries,
				cursor: Math.min(state.cursor, Math.max(0, entries.length - 1)),
				message: `Forgot ${entry.title}`,
			};
		}

		case 'quit': {
			return {...state, quitting: true};
		}
	}
}
