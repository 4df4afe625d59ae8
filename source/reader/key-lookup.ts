// Reading the key table: which context the reader is in, what a key does there, and the rows and
// hints that the overlays draw.

import stringWidth from 'string-width';
import type {Action, LibraryAction} from './actions.ts';
import {keyTable, type KeyContext, type ReaderContext} from './key-table.ts';
import type {KeyInfo, KeyRow} from './keys.ts';
import type {ReaderState} from './state.ts';

export function keyContext(state: ReaderState): ReaderContext {
	if (state.search.typing) return 'prompt';
	if (state.overlay === 'toc') return 'contents';
	if (state.overlay === 'bookmarks') return 'bookmarks';
	if (state.overlay === 'meta') return 'metadata';
	if (state.overlay === 'help') return 'help';
	return 'reading';
}

function lookUp<A>(rows: Array<KeyRow<A>>, input: string, key: KeyInfo, count = ''): A | undefined {
	for (const row of rows) {
		for (const [matches, action] of row.on) {
			if (matches(input, key, count))
				return typeof action === 'function' ? (action as (input: string) => A)(input) : action;
		}
	}

	return undefined;
}

export function actionForKey(input: string, key: KeyInfo, state: ReaderState): Action | undefined {
	return lookUp(keyTable[keyContext(state)], input, key, state.count);
}

export function libraryActionForKey(input: string, key: KeyInfo): LibraryAction | undefined {
	return lookUp(keyTable.library, input, key);
}

/** The help overlay's rows: every key the reader answers to while reading. */
export function helpRows(): Array<{keys: string; help: string}> {
	return keyTable.reading;
}

/** The hint at the foot of a context's overlay: "↑↓ move · Enter go · Esc close". */
export function keyHint(context: KeyContext): string {
	const rows: Array<KeyRow<unknown>> = keyTable[context];
	return rows.flatMap((row) => (row.hint ? [row.hint] : [])).join(' · ');
}

/**
 * A hint fitted to `width` by leaving out whole parts, the last but one first, so that no key is
 * cut in half and the last part (closing, or "more below") stays.
 */
export function fitHint(hint: string, width: number): string {
	const parts = hint.split(' · ');
	while (parts.length > 1 && stringWidth(parts.join(' · ')) > width) parts.splice(-2, 1);
	return parts.join(' · ');
}
