// The library screen's state: a cursor over the entries; open, forget and quit (keys: reader/key-table.ts).

import type {LibraryAction} from '../reader/actions.ts';
import {sanitiseLine} from '../work/sanitise.ts';
import type {LibraryEntry} from './entries.ts';

export type LibraryState = {
	entries: LibraryEntry[];
	cursor: number;
	chosen?: string;
	quitting: boolean;
	message?: string;
};

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
