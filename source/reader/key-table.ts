// The one table of keys, by where the reader is: each row maps keys to actions, and the help
// overlay, the overlays' key hints and the readme's key list are all drawn from it.

import type {Action, LibraryAction} from './actions.ts';
import {ctrl, either, is, named, typed, type KeyInfo, type KeyRow} from './keys.ts';
import {reading} from './reading-keys.ts';

export type ReaderContext = 'reading' | 'prompt' | 'contents' | 'bookmarks' | 'metadata' | 'help';
export type KeyContext = ReaderContext | 'library';

const closing: Action = {type: 'close'};

const prompt: Array<KeyRow<Action>> = [
	{keys: 'Ctrl+C', help: 'quit', on: [[ctrl('c'), {type: 'quit'}]]},
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
	{
		keys: 'Esc t',
		help: 'close',
		hint: 'Esc close',
		on: [
			[named('escape'), closing],
			[is('t'), {type: 'overlay', overlay: 'toc'}],
		],
	},
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
		on: [[either(typed('d'), named('delete')), {type: 'bookmark-delete'}]],
	},
	{
		keys: 'm',
		help: 'bookmark this place',
		hint: 'm adds one',
		on: [[is('m'), {type: 'bookmark-add'}]],
	},
	{
		keys: "Esc '",
		help: 'close',
		hint: 'Esc close',
		on: [
			[named('escape'), closing],
			[is("'"), {type: 'overlay', overlay: 'bookmarks'}],
		],
	},
];

const metadata: Array<KeyRow<Action>> = [
	{
		keys: 'Esc i',
		help: 'close',
		hint: 'Esc or i to close',
		on: [
			[named('escape'), closing],
			[is('i'), {type: 'overlay', overlay: 'meta'}],
		],
	},
];

const help: Array<KeyRow<Action>> = [
	{
		keys: 'Esc ?',
		help: 'close',
		hint: 'Esc or ? to close',
		on: [
			[named('escape'), closing],
			[is('?'), {type: 'overlay', overlay: 'help'}],
		],
	},
	{keys: 'q', help: 'quit', hint: 'q to quit', on: [[is('q'), {type: 'quit'}]]},
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
		on: [[typed('u'), {type: 'undo'}]],
	},
	{
		keys: 'q Esc Ctrl+C',
		help: 'quit',
		hint: 'q quit',
		on: [[either(typed('q'), named('escape'), ctrl('c')), {type: 'quit'}]],
	},
];

/** The whole table. An overlay's keys come first; keys it does not name mean what they mean when reading. */
export const keyTable = {reading, prompt, contents, bookmarks, metadata, help, library};

/** Whether a key that a context's own rows do not name means what it means while reading. */
export const fallsBackToReading: Record<ReaderContext, boolean> = {
	reading: false,
	prompt: false,
	contents: true,
	bookmarks: true,
	metadata: true,
	help: true,
};

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
