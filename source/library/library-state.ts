// The library screen's state: a cursor over the entries; open, forget (and undo) and quit (keys:
// reader/key-table.ts).

import type {LibraryAction} from '../reader/actions.ts';
import type {LibraryEntry} from './entries.ts';

export type LibraryState = {
	entries: LibraryEntry[];
	cursor: number;
	chosen?: string;
	quitting: boolean;
	message?: string;
	/**
	 * Works forgotten on this screen, as they were, latest last: `u` brings them back, and the
	 * store forgets them only when the library closes.
	 */
	forgotten?: Array<{entry: LibraryEntry; index: number}>;
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
			if (entry.missing) return {...state, message: `Missing: ${entry.shownPath}`};
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
				message: `Forgot ${entry.title} · u to undo`,
				forgotten: [...(state.forgotten ?? []), {entry, index: state.cursor}],
			};
		}

		case 'undo': {
			const last = state.forgotten?.at(-1);
			if (!last) return {...state, message: 'Nothing to undo'};
			const {entry, index} = last;
			const at = state.entries.findIndex((other) => other.path === entry.path);
			const entries =
				at === -1
					? state.entries.toSpliced(Math.min(index, state.entries.length), 0, entry)
					: state.entries.with(at, entry);
			return {
				...state,
				entries,
				cursor: at === -1 ? Math.min(index, entries.length - 1) : at,
				message: `Restored ${entry.title}`,
				forgotten: state.forgotten!.slice(0, -1),
			};
		}

		case 'quit': {
			return {...state, quitting: true};
		}
	}
}
