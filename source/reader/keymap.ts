// Keys to actions, following less and vim; the help overlay is drawn from the same table.

import type {Action} from './reducer.ts';
import type {ReaderState} from './state.ts';

/** The parts of Ink's Key that the keymap reads. */
export type KeyInfo = {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	backspace?: boolean;
	delete?: boolean;
	ctrl?: boolean;
	meta?: boolean;
	tab?: boolean;
};

type Binding = {
	keys: string;
	help: string;
	matches: (input: string, key: KeyInfo) => boolean;
	action: Action;
};

const is =
	(...inputs: string[]) =>
	(input: string, key: KeyInfo) =>
		!key.ctrl && !key.meta && inputs.includes(input);
const named = (name: keyof KeyInfo) => (_input: string, key: KeyInfo) => Boolean(key[name]);
const either =
	(...tests: Array<(input: string, key: KeyInfo) => boolean>) =>
	(input: string, key: KeyInfo) =>
		tests.some((test) => test(input, key));

export const bindings: Binding[] = [
	{
		keys: 'j ↓ Enter',
		help: 'line down',
		matches: either(is('j'), named('downArrow'), named('return')),
		action: {type: 'scroll', by: 'line', direction: 1},
	},
	{
		keys: 'k ↑',
		help: 'line up',
		matches: either(is('k'), named('upArrow')),
		action: {type: 'scroll', by: 'line', direction: -1},
	},
	{
		keys: 'Space f PgDn',
		help: 'page down',
		matches: either(is(' ', 'f'), named('pageDown')),
		action: {type: 'scroll', by: 'page', direction: 1},
	},
	{
		keys: 'b PgUp',
		help: 'page up',
		matches: either(is('b'), named('pageUp')),
		action: {type: 'scroll', by: 'page', direction: -1},
	},
	{
		keys: 'd',
		help: 'half page down',
		matches: is('d'),
		action: {type: 'scroll', by: 'half', direction: 1},
	},
	{
		keys: 'u',
		help: 'half page up',
		matches: is('u'),
		action: {type: 'scroll', by: 'half', direction: -1},
	},
	{
		keys: 'g Home',
		help: 'start of the work (Ng: chapter N)',
		matches: either(is('g'), named('home')),
		action: {type: 'goto'},
	},
	{
		keys: 'G End',
		help: 'end of the work',
		matches: either(is('G'), named('end')),
		action: {type: 'bottom'},
	},
	{keys: 'N%', help: 'go to N percent', matches: is('%'), action: {type: 'percent'}},
	{
		keys: '] [',
		help: 'next / previous scene',
		matches: is(']'),
		action: {type: 'section', direction: 1},
	},
	{keys: '', help: '', matches: is('['), action: {type: 'section', direction: -1}},
	{
		keys: '} {',
		help: 'next / previous chapter',
		matches: is('}'),
		action: {type: 'chapter', direction: 1},
	},
	{keys: '', help: '', matches: is('{'), action: {type: 'chapter', direction: -1}},
	{keys: '/', help: 'search', matches: is('/'), action: {type: 'search-start'}},
	{
		keys: 'n N',
		help: 'next / previous match',
		matches: is('n'),
		action: {type: 'search-next', direction: 1},
	},
	{keys: '', help: '', matches: is('N'), action: {type: 'search-next', direction: -1}},
	{keys: 'm', help: 'bookmark this place', matches: is('m'), action: {type: 'bookmark-add'}},
	{
		keys: "'",
		help: 'bookmarks (Enter go, d delete)',
		matches: is("'"),
		action: {type: 'overlay', overlay: 'bookmarks'},
	},
	{keys: 't', help: 'contents', matches: is('t'), action: {type: 'overlay', overlay: 'toc'}},
	{
		keys: 'i',
		help: 'about this work',
		matches: is('i'),
		action: {type: 'overlay', overlay: 'meta'},
	},
	{
		keys: 'a',
		help: 'show or hide the additional tags',
		matches: is('a'),
		action: {type: 'reveal-tags'},
	},
	{
		keys: '+ - =',
		help: 'wider / narrower / default text',
		matches: is('+'),
		action: {type: 'width', change: 1},
	},
	{keys: '', help: '', matches: is('-'), action: {type: 'width', change: -1}},
	{keys: '', help: '', matches: is('='), action: {type: 'width', change: 0}},
	{keys: '?', help: 'this help', matches: is('?'), action: {type: 'overlay', overlay: 'help'}},
	{keys: 'Esc', help: 'close', matches: named('escape'), action: {type: 'close'}},
	{keys: 'q', help: 'quit', matches: is('q'), action: {type: 'quit'}},
];

function promptAction(input: string, key: KeyInfo): Action | undefined {
	if (key.escape) return {type: 'close'};
	if (key.return) return {type: 'search-submit'};
	if (key.backspace || key.delete) return {type: 'search-erase'};
	if (key.ctrl || key.meta || !input) return undefined;
	return {type: 'search-type', text: input};
}

function tocAction(input: string, key: KeyInfo): Action | undefined {
	if (key.downArrow || input === 'j') return {type: 'toc-move', by: 1};
	if (key.upArrow || input === 'k') return {type: 'toc-move', by: -1};
	if (key.pageDown || input === ' ') return {type: 'toc-move', by: 10};
	if (key.pageUp || input === 'b') return {type: 'toc-move', by: -10};
	if (key.return) return {type: 'toc-open'};
	return undefined;
}

function bookmarkAction(input: string, key: KeyInfo): Action | undefined {
	if (key.downArrow || input === 'j') return {type: 'bookmark-move', by: 1};
	if (key.upArrow || input === 'k') return {type: 'bookmark-move', by: -1};
	if (key.return) return {type: 'bookmark-open'};
	if (input === 'd' || key.delete) return {type: 'bookmark-delete'};
	return undefined;
}

export function actionForKey(input: string, key: KeyInfo, state: ReaderState): Action | undefined {
	if (state.search.typing) return promptAction(input, key);
	if (state.overlay === 'bookmarks') {
		const action = bookmarkAction(input, key);
		if (action) return action;
	}

	if (state.overlay === 'toc') {
		const action = tocAction(input, key);
		if (action) return action;
	}

	if (/^\d$/.test(input) && !key.ctrl && !key.meta && (input !== '0' || state.count)) {
		return {type: 'digit', digit: input};
	}

	return bindings.find((binding) => binding.matches(input, key))?.action;
}

/** What a single character means as a key when it came in a run of several. */
function keyOfCharacter(input: string): {input: string; key: KeyInfo} {
	if (input === '\r' || input === '\n') return {input: '', key: {return: true}};
	if (input === '\u007F' || input === '\b') return {input: '', key: {backspace: true}};
	if (input === '\u001B') return {input: '', key: {escape: true}};
	if (input === '\t') return {input: '', key: {tab: true}};
	return {input, key: {}};
}

/** Splits a run of characters that arrived in one read into the keys they are. */
export function eachKey(input: string, key: KeyInfo): Array<{input: string; key: KeyInfo}> {
	// Esc then a key, pressed quickly, reads as Alt and the key; ficterm binds no Alt keys, so it is both.
	if (key.meta && !key.ctrl && [...input].length === 1 && input !== '\u001B') {
		return [
			{input: '', key: {escape: true}},
			{input, key: {}},
		];
	}

	const characters = [...input];
	return characters.length > 1
		? characters.map((character) => keyOfCharacter(character))
		: [{input, key}];
}
