import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Book} from '../../source/reader/book.ts';
import type {AppAction} from '../../source/reader/reducer.ts';
import {reduceApp} from '../../source/reader/reducer.ts';
import {initialState, type ReaderState} from '../../source/reader/state.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const work = workOf(generatedText(6, 2));
const book = new Book(work);
const start = () => initialState({columns: 100, rows: 30});

function run(state: ReaderState, ...steps: Array<string | AppAction>): ReaderState {
	let current = state;
	for (const step of steps) {
		current = reduceApp(
			book,
			current,
			typeof step === 'string' ? {type: 'key', input: step, key: {}} : step,
		);
	}

	return current;
}

const chapterFive = work.chapters[4]!.start;

test("a place from another device is jumped to with its message, and '' goes back", () => {
	const reading = run(start(), 'j', 'j', 'j');
	const followed = run(reading, {
		type: 'jump',
		anchor: {block: chapterFive, offset: 0},
		message: "Moved to where you stopped on laptop, 2 h ago — '' goes back",
	});
	assert.equal(followed.anchor.block, chapterFive);
	assert.match(followed.message!, /Moved to where you stopped on laptop/);
	assert.ok(followed.moved > reading.moved, 'a move, so that the place is saved');
	const back = run(followed, "'", "'");
	assert.deepEqual(back.anchor, reading.anchor);
	assert.equal(back.overlay, undefined);
	assert.equal(back.message, 'Back where you were');
	// As in vim, '' again goes to where '' came from.
	assert.equal(run(back, "'", "'").anchor.block, chapterFive);
});

test("'' goes back from any jump: a chapter, a scene, the end, the start", () => {
	const reading = run(start(), 'j');
	for (const key of ['}', ']', 'G', 'g']) {
		const jumped = run(reading, key);
		assert.notDeepEqual(jumped.anchor, reading.anchor, key);
		assert.deepEqual(run(jumped, "'", "'").anchor, reading.anchor, key);
	}
});

test("with no jump before, '' only closes the list; scrolling is no jump", () => {
	const state = run(start(), 'j', 'j', ' ');
	const after = run(state, "'", "'");
	assert.deepEqual(after.anchor, state.anchor);
	assert.equal(after.overlay, undefined);
	assert.equal(after.moved, state.moved);
});

test('bookmarks merged by sync replace the list, in reading order', () => {
	const state = run(start(), 'm');
	const synced = run(state, {
		type: 'bookmarks-synced',
		marks: [
			{anchor: {block: chapterFive, offset: 0}, label: 'later'},
			{anchor: {block: 1, offset: 0}, label: 'earlier'},
		],
	});
	assert.deepEqual(
		synced.bookmarks.map((mark) => mark.label),
		['earlier', 'later'],
	);
	assert.deepEqual(synced.anchor, state.anchor);
});
