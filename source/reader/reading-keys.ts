// The key table's rows for reading: the keys that move through the work and open the overlays.

import type {Action} from './actions.ts';
import {ctrl, either, is, named, type KeyInfo, type KeyRow} from './keys.ts';

const closing: Action = {type: 'close'};

export const reading: Array<KeyRow<Action>> = [
	{
		keys: '0-9',
		help: 'a count for the next key: 5j, 3g, 50%',
		readme: 'a count for the next key: `5j`, `3g`, `50%` (`0%` is the start)',
		on: [
			[
				(input: string, key: KeyInfo) => /^\d$/.test(input) && !key.ctrl && !key.meta,
				(digit) => ({type: 'digit', digit}),
			],
		],
	},
	{
		keys: 'j ↓ Enter',
		help: 'line down',
		readme: 'line down (a number first repeats it: `5j`)',
		on: [
			[
				either(is('j'), named('downArrow'), named('return')),
				{type: 'scroll', by: 'line', direction: 1},
			],
		],
	},
	{
		keys: 'k ↑',
		help: 'line up',
		on: [[either(is('k'), named('upArrow')), {type: 'scroll', by: 'line', direction: -1}]],
	},
	{
		keys: 'Space f PgDn → Ctrl+F',
		help: 'page down',
		readme: 'page down, keeping two lines of context',
		on: [
			[
				either(is(' ', 'f'), named('pageDown'), named('rightArrow'), ctrl('f')),
				{type: 'scroll', by: 'page', direction: 1},
			],
		],
	},
	{
		keys: 'b PgUp ← Ctrl+B',
		help: 'page up',
		on: [
			[
				either(is('b'), named('pageUp'), named('leftArrow'), ctrl('b')),
				{type: 'scroll', by: 'page', direction: -1},
			],
		],
	},
	{
		keys: 'd Ctrl+D',
		help: 'half page down',
		on: [[either(is('d'), ctrl('d')), {type: 'scroll', by: 'half', direction: 1}]],
	},
	{
		keys: 'u Ctrl+U',
		help: 'half page up',
		on: [[either(is('u'), ctrl('u')), {type: 'scroll', by: 'half', direction: -1}]],
	},
	{
		keys: 'g Home',
		help: 'start of the work (Ng: entry N of the contents)',
		readme: 'start of the work; `3g` opens the third entry of the contents (`t`)',
		on: [[either(is('g'), named('home')), {type: 'goto'}]],
	},
	{keys: 'G End', help: 'end of the work', on: [[either(is('G'), named('end')), {type: 'bottom'}]]},
	{
		keys: 'N%',
		help: 'go to N percent',
		readme: 'go to N percent of the work: `50%` is half-way',
		on: [[is('%'), {type: 'percent'}]],
	},
	{
		keys: '] [',
		help: 'next / previous scene',
		readme: 'next / previous scene (a scene break or a chapter start)',
		on: [
			[is(']'), {type: 'section', direction: 1}],
			[is('['), {type: 'section', direction: -1}],
		],
	},
	{
		keys: '} {',
		help: 'next / previous chapter',
		on: [
			[is('}'), {type: 'chapter', direction: 1}],
			[is('{'), {type: 'chapter', direction: -1}],
		],
	},
	{
		keys: '/',
		help: 'search',
		readme: 'search forward (case-insensitive unless you type a capital)',
		on: [[is('/'), {type: 'search-start'}]],
	},
	{
		keys: 'n N',
		help: 'next / previous match from here',
		readme: 'next / previous match: from the current one, or from the screen once you have moved',
		on: [
			[is('n'), {type: 'search-next', direction: 1}],
			[is('N'), {type: 'search-next', direction: -1}],
		],
	},
	{keys: 'm', help: 'bookmark this place', on: [[is('m'), {type: 'bookmark-add'}]]},
	{
		keys: "'",
		help: "bookmarks (Enter go, d delete); '' goes back",
		readme: "bookmarks (Enter go, d delete); `''` goes back to where you were before the last jump",
		on: [[is("'"), {type: 'overlay', overlay: 'bookmarks'}]],
	},
	{
		keys: 't',
		help: 'contents',
		readme: 'contents: chapters and scenes with word counts',
		on: [[is('t'), {type: 'overlay', overlay: 'toc'}]],
	},
	{
		keys: 'i',
		help: 'about this work',
		readme: 'about this work: tags, dates, counts',
		on: [[is('i'), {type: 'overlay', overlay: 'meta'}]],
	},
	{
		keys: 'a',
		help: 'show or hide the additional tags',
		readme: 'show or hide the additional tags on the front page (hidden to avoid spoilers)',
		on: [[is('a'), {type: 'reveal-tags'}]],
	},
	{
		keys: '+ - =',
		help: 'text width: wider / narrower / default',
		readme: 'wider / narrower / default text width (remembered)',
		on: [
			[is('+'), {type: 'width', change: 1}],
			[is('-'), {type: 'width', change: -1}],
			[is('='), {type: 'width', change: 0}],
		],
	},
	{
		keys: '? h',
		help: 'this help',
		readme: 'this help (`h` as in less)',
		on: [[is('?', 'h'), {type: 'overlay', overlay: 'help'}]],
	},
	{
		keys: 'Esc',
		help: 'close',
		readme: 'close an overlay or the search prompt',
		on: [[named('escape'), closing]],
	},
	{keys: 'q', help: 'quit', on: [[is('q'), {type: 'quit'}]]},
	{
		keys: 'Ctrl+C',
		help: 'quit, even from a work opened in the library',
		readme: 'quit, even from a work opened in the library (`q` goes back to it)',
		on: [[ctrl('c'), {type: 'quit', stop: true}]],
	},
];
