// What a key press is (Ink's key, reduced to what ficterm reads), the tests that match one, and the
// splitting of a run of characters into the keys they are.

/** The parts of Ink's Key that the key table reads. */
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

export type KeyTest = (input: string, key: KeyInfo) => boolean;

/** What the count typed so far is, for the keys whose meaning depends on it. */
export type KeyTestWithCount = (input: string, key: KeyInfo, count: string) => boolean;

export type KeyRow<A> = {
	/** The keys as the reader types them, space-separated ("j ↓ Enter"). */
	keys: string;
	/** What they do, as the help overlay shows it. */
	help: string;
	/** A longer word for the readme, where there is room for it. */
	readme?: string;
	/** The row's part in the hint at the foot of its overlay ("↑↓ move"). */
	hint?: string;
	on: Array<[KeyTest | KeyTestWithCount, A | ((input: string) => A)]>;
};

/** One of these characters, typed without Ctrl or Alt. */
export const is =
	(...inputs: string[]): KeyTest =>
	(input, key) =>
		!key.ctrl && !key.meta && inputs.includes(input);

/** One of these characters, whatever the modifiers (the overlays' and the library's own keys). */
export const typed =
	(...inputs: string[]): KeyTest =>
	(input) =>
		inputs.includes(input);

export const named =
	(name: keyof KeyInfo): KeyTest =>
	(_input, key) =>
		Boolean(key[name]);

export const ctrl =
	(letter: string): KeyTest =>
	(input, key) =>
		Boolean(key.ctrl) && input === letter;

export const either =
	(...tests: KeyTest[]): KeyTest =>
	(input, key) =>
		tests.some((test) => test(input, key));

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
