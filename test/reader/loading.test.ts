import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Book} from '../../source/reader/book.ts';
import {reduceApp, type AppAction} from '../../source/reader/reducer.ts';
import {initialState, type ReaderState} from '../../source/reader/state.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const whole = new Book(workOf(generatedText(40, 3)));
/** The first fifth of the work, as a preview gives it. */
const start = new Book({
	...whole.work,
	blocks: whole.work.blocks.slice(0, Math.floor(whole.work.blocks.length / 5)),
	chapters: whole.work.chapters.slice(0, 8),
	partial: true,
});

const fresh = () => initialState({columns: 100, rows: 30});
const key = (input: string): AppAction => ({type: 'key', input, key: {}});

function typed(book: Book, state: ReaderState, keys: string[]): ReaderState {
	return keys.reduce((current, input) => reduceApp(book, current, key(input)), state);
}

/** Keys typed while only the start is read, then the whole work arriving. */
function typedWhileLoading(keys: string[]): ReaderState {
	const during = typed(start, fresh(), keys);
	return reduceApp(whole, during, {type: 'arrived', arrival: {}});
}

for (const keys of [
	['G'],
	['5', '0', '%'],
	['j', 'j', 'G', 'k'],
	['}', '}', ']'],
	['t', 'j', 'j'],
	[
		'j',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
		' ',
	],
]) {
	test(`keys typed while loading end where they end on the whole work: ${keys.join('')}`, () => {
		const after = typed(whole, fresh(), keys);
		const during = typedWhileLoading(keys);
		assert.deepEqual(during.anchor, after.anchor);
		assert.equal(during.overlay, after.overlay);
		assert.equal(during.tocCursor, after.tocCursor);
	});
}

test('a key that needs the whole work waits, and says so', () => {
	const state = typed(start, fresh(), ['G']);
	assert.deepEqual(state.anchor, fresh().anchor);
	assert.equal(state.queued.length, 1);
	assert.match(state.message ?? '', /Reading the whole work/);
});

test('while a saved place is being found, every key waits and then runs from that place', () => {
	const waiting = {...fresh(), waitingForPlace: true};
	const place = {block: whole.work.chapters[30]!.start, offset: 0};
	const during = typed(start, waiting, ['j', 'j']);
	assert.equal(during.queued.length, 2);
	const arrived = reduceApp(whole, during, {
		type: 'arrived',
		arrival: {anchor: place, message: 'Resumed'},
	});
	const expected = typed(whole, {...fresh(), anchor: place}, ['j', 'j']);
	assert.deepEqual(arrived.anchor, expected.anchor);
	const untouched = reduceApp(whole, waiting, {
		type: 'arrived',
		arrival: {anchor: place, message: 'Resumed'},
	});
	assert.deepEqual(untouched.anchor, place);
	assert.equal(untouched.message, 'Resumed');
});

test('q quits at once, even with keys waiting', () => {
	const state = typed(start, fresh(), ['G', 'q']);
	assert.equal(state.quitting, 'quit');
});

test('Ctrl-F, Ctrl-D and → typed near the end of the start read so far end where they do on the whole work', () => {
	const ctrlF: AppAction = {type: 'key', input: 'f', key: {ctrl: true}};
	const ctrlD: AppAction = {type: 'key', input: 'd', key: {ctrl: true}};
	const right: AppAction = {type: 'key', input: '', key: {rightArrow: true}};
	const keys = Array.from({length: 60}, (_, index) => [ctrlF, ctrlD, right][index % 3]!);
	const after = keys.reduce((state, action) => reduceApp(whole, state, action), fresh());
	const during = keys.reduce((state, action) => reduceApp(start, state, action), fresh());
	const arrived = reduceApp(whole, during, {type: 'arrived', arrival: {}});
	assert.ok(during.queued.length > 0);
	assert.deepEqual(arrived.anchor, after.anchor);
});
