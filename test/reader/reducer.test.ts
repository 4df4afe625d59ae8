import assert from 'node:assert/strict';
import {test} from 'node:test';
import {bookmarkLabel} from '../../source/reader/bookmarks.ts';
import {Book} from '../../source/reader/book.ts';
import {layoutOf} from '../../source/reader/jump.ts';
import type {KeyInfo} from '../../source/reader/keys.ts';
import {reduceApp} from '../../source/reader/reducer.ts';
import {initialState, textRows, type ReaderState} from '../../source/reader/state.ts';
import {chapterAt, sectionAt} from '../../source/work/progress.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const work = workOf(generatedText(5, 3));
const book = new Book(work);
const start = () => initialState({columns: 100, rows: 30});

function press(state: ReaderState, ...keys: Array<string | KeyInfo>): ReaderState {
	let current = state;
	for (const key of keys) {
		const action =
			typeof key === 'string'
				? {type: 'key' as const, input: key, key: {}}
				: {type: 'key' as const, input: '', key};
		current = reduceApp(book, current, action);
	}

	return current;
}

function topLine(state: ReaderState) {
	return layoutOf(book, state).linesFrom(state.anchor, 1)[0]!;
}

function lineIndex(state: ReaderState): number {
	// Lines from the start of the work to the anchor, counted by scrolling one line at a time.
	const layout = layoutOf(book, state);
	let count = 0;
	let anchor = {block: 0, offset: 0};
	while (anchor.block !== state.anchor.block || anchor.offset !== state.anchor.offset) {
		anchor = layout.anchorOf(layout.moveBy(layout.positionOf(anchor), 1));
		count++;
		if (count > 100_000) throw new Error('anchor not reached');
	}

	return count;
}

test('j, ↓ and Enter move one line down; k and ↑ one line up', () => {
	assert.equal(lineIndex(press(start(), 'j')), 1);
	assert.equal(lineIndex(press(start(), {downArrow: true})), 1);
	assert.equal(lineIndex(press(start(), {return: true})), 1);
	assert.equal(lineIndex(press(start(), 'j', 'j', 'j', 'k')), 2);
	assert.equal(lineIndex(press(start(), 'j', {upArrow: true})), 0);
	assert.equal(lineIndex(press(start(), 'k')), 0);
});

test('keys that arrive together in one read all count', () => {
	assert.equal(lineIndex(press(start(), 'jjjk')), 2);
	assert.equal(press(start(), '/', 'jjq').search.draft, 'jjq');
	const searched = press(start(), '/C2S1P3\r');
	assert.equal(searched.search.typing, false);
	assert.match(work.blocks[searched.anchor.block]!.text, /^C2S1P3/);
});

test('Esc and a key typed fast (read as Alt and the key) close the overlay, then act', () => {
	const meta = (input: string) => ({type: 'key' as const, input, key: {meta: true}});
	assert.equal(reduceApp(book, press(start(), '?'), meta('t')).overlay, 'toc');
	const closedThenDown = reduceApp(book, press(start(), 't'), meta('j'));
	assert.equal(closedThenDown.overlay, undefined);
	assert.equal(lineIndex(closedThenDown), 1);
});

test('a count repeats a line move: 5j', () => {
	assert.equal(lineIndex(press(start(), '5', 'j')), 5);
});

test('Space, f and PageDown move a page less two lines of context; b and PageUp come back', () => {
	const page = textRows(start()) - 2;
	assert.equal(lineIndex(press(start(), ' ')), page);
	assert.equal(lineIndex(press(start(), 'f')), page);
	assert.equal(lineIndex(press(start(), {pageDown: true})), page);
	assert.equal(lineIndex(press(start(), ' ', ' ', 'b')), page);
	assert.equal(lineIndex(press(start(), ' ', {pageUp: true})), 0);
});

test('d and u move half a page', () => {
	const half = Math.floor(textRows(start()) / 2);
	assert.equal(lineIndex(press(start(), 'd')), half);
	assert.equal(lineIndex(press(start(), 'd', 'd', 'u')), half);
});

test('G and End show the last line; g and Home go back to the start', () => {
	for (const key of ['G', {end: true}] as const) {
		const state = press(start(), key);
		const rows = layoutOf(book, state).linesFrom(state.anchor, textRows(state));
		assert.equal(rows.at(-1)!.block, work.blocks.length - 1);
		assert.deepEqual(press(state, 'g').anchor, {block: 0, offset: 0});
		assert.deepEqual(press(state, {home: true}).anchor, {block: 0, offset: 0});
	}
});

test('] and [ step through sections, landing each opening at the top', () => {
	let state = start();
	for (const section of work.sections.slice(1)) {
		state = press(state, ']');
		assert.equal(topLine(state).block, section.start);
		assert.equal(topLine(state).offset, 0);
	}

	assert.equal(press(state, ']').message, 'Last scene');
	state = press(start(), ']', ']', ']', 'j');
	assert.equal(sectionAt(work, state.anchor.block), 3);
	state = press(state, '[');
	assert.equal(state.anchor.block, work.sections[3]!.start);
	state = press(state, '[');
	assert.equal(state.anchor.block, work.sections[2]!.start);
	assert.equal(press(start(), '[').message, 'First scene');
});

test('} and { step through chapters; 3g opens chapter 3; 50% the middle', () => {
	let state = press(start(), '}', '}');
	assert.equal(chapterAt(work, state.anchor.block), 2);
	state = press(state, '{');
	assert.equal(chapterAt(work, state.anchor.block), 1);
	assert.equal(chapterAt(work, press(start(), '3', 'g').anchor.block), 2);
	const middle = press(start(), '5', '0', '%');
	const fraction = work.charsBefore[middle.anchor.block]! / work.charsBefore[work.blocks.length]!;
	assert.ok(fraction > 0.45 && fraction < 0.55, String(fraction));
});

test('/ searches forward and n / N move between matches; a miss does not move', () => {
	let state = press(start(), '/', 'C', '3', 'S', '2', {return: true});
	assert.equal(state.search.typing, false);
	assert.match(work.blocks[state.anchor.block]!.text, /^C3S2/);
	assert.match(state.message!, /^1\/\d+$/);
	const first = state.anchor;
	state = press(state, 'n');
	assert.notDeepEqual(state.anchor, first);
	assert.match(state.message!, /^2\//);
	state = press(state, 'N');
	assert.deepEqual(state.anchor, first);
	const missed = press(state, '/', 'z', 'q', 'x', {return: true});
	assert.deepEqual(missed.anchor, first);
	assert.equal(missed.message, 'Not found: zqx');
});

test('after a move, n and N search from the screen, not from the last match', () => {
	let state = press(start(), '/', 'C', '2', 'S', {return: true});
	const count = Number(/^1\/(\d+)$/.exec(state.message!)![1]);
	state = press(state, 'n', 'n', 'n');
	assert.match(state.message!, /^4\//);
	assert.match(press(state, 'g', 'n').message!, /^1\//);
	assert.match(press(state, 'G', 'N').message!, new RegExp(`^${count}/${count}$`));
	// Scrolled a line within the current match's paragraph: n is the match after it, not this one.
	assert.match(press(state, 'j', 'n').message!, /^5\//);
	assert.match(press(state, 'j', 'N').message!, /^4\//);
	// One match, behind the reader: found by starting over, and said so.
	const behind = press(start(), 'G', '/', ...'C1S1P2', {return: true});
	assert.equal(behind.message, '1/1 · Search wrapped to the start');
});

test('search is case-insensitive unless the query has capitals', () => {
	const lower = press(start(), '/', 'c', '2', 's', '1', {return: true});
	assert.match(lower.message!, /^1\/4$/);
	const upper = press(start(), '/', 'c', '2', 'S', '1', {return: true});
	assert.equal(upper.message, 'Not found: c2S1');
});

test('keys typed into the search prompt are text, not commands; Esc cancels', () => {
	const typing = press(start(), '/', 'q', 'j', 'G');
	assert.equal(typing.quitting, false);
	assert.equal(typing.search.draft, 'qjG');
	assert.deepEqual(typing.anchor, start().anchor);
	assert.equal(press(typing, {backspace: true}).search.draft, 'qj');
	assert.equal(press(typing, {escape: true}).search.typing, false);
});

test('overlays open and close with their key, Esc or q; q again quits', () => {
	for (const key of ['t', 'i', '?', "'"]) {
		const open = press(start(), key);
		assert.ok(open.overlay);
		assert.equal(press(open, key).overlay, undefined);
		assert.equal(press(open, {escape: true}).overlay, undefined);
		const closed = press(open, 'q');
		assert.equal(closed.overlay, undefined);
		assert.equal(closed.quitting, false);
		assert.equal(press(closed, 'q').quitting, 'quit');
	}

	assert.equal(press(start(), 'q').quitting, 'quit');
});

test('in the contents, j/k move the cursor and Enter jumps to that entry', () => {
	let state = press(start(), 't');
	// The cursor starts on the entry being read: chapter 1's first scene.
	assert.equal(state.tocCursor, 1);
	state = press(state, 'j', 'j', {downArrow: true}, 'k');
	const entry = book.toc.at(3)!;
	state = press(state, {return: true});
	assert.equal(state.overlay, undefined);
	assert.equal(state.anchor.block, entry.start);
});

test('+ - = change the text width within the terminal', () => {
	const narrower = press(start(), '-');
	assert.equal(narrower.maxWidth, 76);
	assert.equal(press(narrower, '=').maxWidth, 80);
	assert.equal(press(start(), '+', '+', '+', '+', '+', '+').maxWidth, 100);
	assert.equal(press(start(), ...Array.from({length: 30}, () => '-')).maxWidth, 20);
});

test('a resize keeps the anchor, so the same paragraph stays at the top', () => {
	const state = press(start(), ' ', ' ', 'j');
	const resized = reduceApp(book, state, {type: 'resize', columns: 50, rows: 20});
	assert.deepEqual(resized.anchor, state.anchor);
	const top = topLine(resized);
	assert.equal(top.block, state.anchor.block);
	assert.ok(top.offset <= state.anchor.offset);
});

test('a tags fold on the front page opens with a', () => {
	assert.equal(press(start(), 'a').revealTags, true);
	assert.equal(press(start(), 'a', 'a').revealTags, false);
});

test("m bookmarks the place with its opening words; ' lists them, Enter jumps, d deletes", () => {
	let state = press(start(), ' ', ' ', 'm');
	const marked = state.anchor;
	assert.equal(state.bookmarks.length, 1);
	assert.match(state.message!, /^Bookmarked: Chapter \d — \S/);
	assert.equal(press(state, 'm').message, 'Already bookmarked here');
	state = press(state, 'G', 'm', 'g', "'");
	assert.equal(state.overlay, 'bookmarks');
	assert.equal(state.bookmarks.length, 2);
	state = press(state, {return: true});
	assert.deepEqual(state.anchor, marked);
	state = press(state, "'", 'j', 'd');
	assert.equal(state.bookmarks.length, 1);
	assert.deepEqual(state.bookmarks[0]!.anchor, marked);
	assert.match(state.message!, /^Deleted the bookmark at Chapter \d — /);
	assert.equal(state.bookmarkDeleted, true);
	state = press(state, 'd');
	assert.equal(state.bookmarks.length, 0);
	assert.equal(press(state, 'q', "'").bookmarkDeleted, false, 'a list opened again starts afresh');
});

test('a bookmark label joins a chapter title that has a colon to the words with a dash', () => {
	const titled = new Book(
		workOf(
			'Chapter 1: The Reef\n\nOne.\n\nChapter 2: Letters\n\nOn the shelf lay a bundle of letters tied with a string.\n',
		),
	);
	const second = titled.work.chapters[1]!.start;
	const label = bookmarkLabel(titled, {block: second + 1, offset: 0});
	assert.equal(
		label,
		'Chapter 2: Letters — On the shelf lay a bundle of letters tied with a string.',
	);
	assert.equal(bookmarkLabel(titled, {block: second, offset: 0}), 'Chapter 2: Letters');
});

test('a bookmark label keeps whole words up to a wide row, then an ellipsis', () => {
	const sentence = 'The tide came in over the flats '.repeat(6).trim();
	const long = new Book(workOf(`${sentence}.\n`));
	const label = bookmarkLabel(long, {block: 0, offset: 0});
	assert.ok(label.endsWith('…'), label);
	assert.ok(label.length <= 97 && label.length > 80, label);
	assert.ok(sentence.startsWith(label.slice(0, -1)), label);
	assert.ok(!label.slice(0, -1).endsWith(' '), label);
	// Text without spaces is cut between characters, never between the halves of one.
	const cjk = `${'海'.repeat(95)}𠀋${'海'.repeat(30)}`;
	const cut = bookmarkLabel(new Book(workOf(`${cjk}\n`)), {block: 0, offset: 0});
	assert.equal(cut, `${'海'.repeat(95)}…`);
});

test('100% and 99% land where G lands, never past the end into blank rows', () => {
	const end = press(start(), 'G');
	assert.deepEqual(press(start(), '1', '0', '0', '%').anchor, end.anchor);
	assert.deepEqual(press(start(), '9', '9', '%').anchor, end.anchor);
	const rows = layoutOf(book, end).linesFrom(
		press(start(), '1', '0', '0', '%').anchor,
		textRows(end),
	);
	assert.equal(rows.length, textRows(end));
});

test('a key that cannot go further says why instead of doing nothing', () => {
	const end = press(start(), 'G');
	assert.equal(press(end, 'j').message, 'End of the work');
	assert.equal(press(end, ' ').message, 'End of the work');
	assert.deepEqual(press(end, 'j').anchor, end.anchor);
	assert.equal(press(start(), 'k').message, 'Start of the work');
	assert.equal(press(start(), 'b').message, 'Start of the work');
	// A move that goes somewhere says nothing.
	assert.equal(press(start(), 'j').message, undefined);
	assert.equal(press(press(start(), 'j'), 'k').message, undefined);
});

test('past the last chapter or 100%, the jump lands at the end of the range and says so', () => {
	const last = work.chapters.at(-1)!;
	const nine = press(start(), '9', 'g');
	assert.equal(chapterAt(work, nine.anchor.block), work.chapters.length - 1);
	assert.equal(nine.message, `There are ${work.chapters.length} chapters: ${last.title}`);
	assert.equal(press(start(), '2', 'g').message, work.chapters[1]!.title);
	const over = press(start(), '1', '5', '0', '%');
	assert.deepEqual(over.anchor, press(start(), 'G').anchor);
	assert.equal(over.message, '150% is past the end: at the end');
	assert.equal(press(start(), '5', '0', '%').message, undefined);
});

test('N% puts at the top the first line at N% or after, so the status says N%; 0% is the start', () => {
	for (const percent of [1, 10, 25, 49, 50, 75]) {
		const state = press(start(), ...String(percent), '%');
		const fraction = work.charsBefore[state.anchor.block]! + state.anchor.offset;
		const share = (100 * fraction) / work.charsBefore[work.blocks.length]!;
		assert.ok(share >= percent && share < percent + 1, `${percent}%: ${share}`);
	}

	assert.deepEqual(press(press(start(), '5', '0', '%'), '0', '%').anchor, start().anchor);
});
