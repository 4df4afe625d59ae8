// The one table of keys, by where the reader is: each row maps keys to actions, and the help
// overlay, the overlays' key hints and the readme's key list are all drawn from it.

import type {Action, LibraryAction} from './actions.ts';
import type {Overlay} from './state.ts';
import {ctrl, either, is, named, typed, type KeyInfo, type KeyRow} from './keys.ts';
import {reading} from './reading-keys.ts';

export type ReaderContext = 'reading' | 'prompt' | 'contents' | 'bookmarks' | 'metadata' | 'help';
export type KeyContext = ReaderContext | 'library';

const closing: Action = {type: 'close'};

/** Ctrl+C means stop everywhere, whatever covers the text. */
const quitting: KeyRow<Action> = {
	keys: 'Ctrl+C',
	help: 'quit',
	on: [[ctrl('c'), {type: 'quit', stop: true}]],
};

/** An overlay closes with Esc, q (as help does in less) and the key that opened it. */
function closingRow(opener: string, overlay: Overlay): KeyRow<Action> {
	return {
		keys: `Esc q ${opener}`,
		help: 'close',
		hint: 'q close',
		on: [
			[either(named('escape'), is('q')), closing],
			[is(opener), {type: 'overlay', overlay}],
		],
	};
}

/** The keys that scroll an overlay taller than the screen; the text under it stays where it is. */
const scrollingRows: Array<KeyRow<Action>> = [
	{
		keys: 'j k ↓ ↑',
		help: 'scroll a line',
		hint: '↑↓ scroll',
		on: [
			[either(is('j'), named('downArrow'), named('return')), {type: 'overlay-scroll', by: 1}],
			[either(is('k'), named('upArrow')), {type: 'overlay-scroll', by: -1}],
		],
	},
	{
		keys: 'Space b PgDn PgUp',
		help: 'scroll a page',
		on: [
			[
				either(is(' ', 'f'), named('pageDown'), ctrl('f'), ctrl('d')),
				{type: 'overlay-scroll', by: 'page'},
			],
			[
				either(is('b'), named('pageUp'), ctrl('b'), ctrl('u')),
				{type: 'overlay-scroll', by: '-page'},
			],
		],
	},
	{
		keys: 'g G',
		help: 'top / bottom',
		on: [
			[either(is('g'), named('home')), {type: 'overlay-scroll', by: 'top'}],
			[either(is('G'), named('end')), {type: 'overlay-scroll', by: 'bottom'}],
		],
	},
];

const prompt: Array<KeyRow<Action>> = [
	quitting,
	{keys: 'Esc', help: 'close the prompt', on: [[named('escape'), closing]]},
	{keys: 'Enter', help: 'search', on: [[named('return'), {type: 'search-submit'}]]},
	{
		keys: 'Backspace',
		help: 'erase the last character',
		on: [[either(named('backspace'), named('delete')), {type: 'search-erase'}]],
	},
	{
		keys: 'any other key',
		help: 'typed into the query',
		on: [
			[
				(input: string, key: KeyInfo) => !key.ctrl && !key.meta && input !== '',
				(text) => ({type: 'search-type', text}),
			],
		],
	},
];

const contents: Array<KeyRow<Action>> = [
	{
		keys: 'j k ↓ ↑',
		help: 'next / previous entry',
		hint: '↑↓ move',
		on: [
			[either(typed('j'), named('downArrow')), {type: 'toc-move', by: 1}],
			[either(typed('k'), named('upArrow')), {type: 'toc-move', by: -1}],
		],
	},
	{
		keys: 'Space b PgDn PgUp',
		help: 'ten entries down / up',
		on: [
			[either(typed(' '), named('pageDown')), {type: 'toc-move', by: 10}],
			[either(typed('b'), named('pageUp')), {type: 'toc-move', by: -10}],
		],
	},
	{keys: 'Enter', help: 'go there', hint: 'Enter go', on: [[named('return'), {type: 'toc-open'}]]},
	closingRow('t', 'toc'),
	quitting,
];

const bookmarks: Array<KeyRow<Action>> = [
	{
		keys: 'j k ↓ ↑',
		help: 'next / previous bookmark',
		hint: '↑↓ move',
		on: [
			[either(typed('j'), named('downArrow')), {type: 'bookmark-move', by: 1}],
			[either(typed('k'), named('upArrow')), {type: 'bookmark-move', by: -1}],
		],
	},
	{
		keys: 'Enter',
		help: 'go there',
		hint: 'Enter go',
		on: [[named('return'), {type: 'bookmark-open'}]],
	},
	{
		keys: 'd Delete',
		help: 'delete the bookmark',
		hint: 'd delete',
		// Ctrl+D is a half page elsewhere: here it must not delete.
		on: [[either(is('d'), named('delete')), {type: 'bookmark-delete'}]],
	},
	{
		keys: 'm',
		help: 'bookmark this place',
		hint: 'm adds one',
		on: [[is('m'), {type: 'bookmark-add'}]],
	},
	{
		keys: "'",
		help: 'back to where you were before the last jump',
		readme:
			"back to where you were before the last jump (so `''` while reading, as in vim); with none, close",
		hint: "' back",
		on: [[is("'"), {type: 'jump-back'}]],
	},
	{
		...closingRow("'", 'bookmarks'),
		keys: 'Esc q',
		on: [[either(named('escape'), is('q')), closing]],
	},
	quitting,
];

const metadata: Array<KeyRow<Action>> = [
	...scrollingRows,
	{
		keys: 'a',
		help: 'show or hide the additional tags',
		on: [[is('a'), {type: 'reveal-tags'}]],
	},
	closingRow('i', 'meta'),
	quitting,
];

const help: Array<KeyRow<Action>> = [
	...scrollingRows,
	(() => {
		const row = closingRow('?', 'help');
		return {
			...row,
			keys: 'Esc q ? h',
			on: [...row.on, [is('h'), {type: 'overlay', overlay: 'help'}]],
		};
	})(),
	quitting,
];

const library: Array<KeyRow<LibraryAction>> = [
	{
		keys: 'j k ↓ ↑',
		help: 'next / previous work',
		hint: '↑↓ move',
		on: [
			[either(typed('j'), named('downArrow')), {type: 'move', by: 1}],
			[either(typed('k'), named('upArrow')), {type: 'move', by: -1}],
		],
	},
	{
		keys: 'Space b PgDn PgUp',
		help: 'ten works down / up',
		on: [
			[either(typed(' '), named('pageDown')), {type: 'move', by: 10}],
			[either(typed('b'), named('pageUp')), {type: 'move', by: -10}],
		],
	},
	{
		keys: 'Enter',
		help: 'read the work',
		hint: 'Enter read',
		on: [[named('return'), {type: 'open'}]],
	},
	{
		keys: 'd',
		help: 'forget its saved place and bookmarks',
		hint: 'd forget',
		on: [[typed('d'), {type: 'forget'}]],
	},
	{
		keys: 'u',
		help: 'undo the last forgetting (until the library closes)',
		hint: 'u undo',
		on: [[typed('u'), {type: 'undo'}]],
	},
	{
		keys: 'q Esc Ctrl+C',
		help: 'quit',
		hint: 'q quit',
		on: [[either(typed('q'), named('escape'), ctrl('c')), {type: 'quit'}]],
	},
];

/** The whole table. An overlay owns the keys while it is open: a key it does not name does nothing. */
export const keyTable = {reading, prompt, contents, bookmarks, metadata, help, library};

/** How the readme names each context above its keys. */
export const contextTitles: Record<KeyContext, string> = {
	reading: 'While reading',
	prompt: 'In the search prompt (`/`)',
	contents: 'In the contents (`t`)',
	bookmarks: "In the bookmarks (`'`)",
	metadata: 'In "about this work" (`i`)',
	help: 'In the help (`?`)',
	library: 'In the library (`ficterm` with no FILE)',
};
