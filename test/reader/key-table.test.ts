import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	actionForKey,
	helpRows,
	keyContext,
	fitHint,
	keyHint,
	libraryActionForKey,
} from '../../source/reader/key-lookup.ts';
import {keyTable} from '../../source/reader/key-table.ts';
import {initialState, type ReaderState} from '../../source/reader/state.ts';

const reading = initialState({columns: 80, rows: 24});
const states: Record<string, ReaderState> = {
	reading,
	prompt: {...reading, search: {...reading.search, typing: true}},
	contents: {...reading, overlay: 'toc'},
	bookmarks: {...reading, overlay: 'bookmarks'},
	metadata: {...reading, overlay: 'meta'},
	help: {...reading, overlay: 'help'},
};

test('each state has its context, and each context its rows in the one table', () => {
	for (const [context, state] of Object.entries(states)) {
		assert.equal(keyContext(state), context);
		assert.ok(keyTable[context as keyof typeof keyTable].length > 0, context);
	}

	assert.ok(keyTable.library.length > 0);
});

test('Ctrl+C quits wherever the reader is', () => {
	for (const state of Object.values(states)) {
		assert.deepEqual(actionForKey('c', {ctrl: true}, state), {type: 'quit', stop: true});
	}

	assert.deepEqual(libraryActionForKey('c', {ctrl: true}), {type: 'quit'});
});

test('an overlay owns the keys while it is open: the reading keys do nothing under it', () => {
	assert.deepEqual(actionForKey('j', {}, states['contents']!), {type: 'toc-move', by: 1});
	assert.deepEqual(actionForKey('d', {}, states['bookmarks']!), {type: 'bookmark-delete'});
	assert.equal(actionForKey('d', {ctrl: true}, states['bookmarks']!), undefined);
	for (const context of ['contents', 'bookmarks', 'metadata', 'help']) {
		for (const input of ['}', ']', 'G', '/', 'n', 'm', '+']) {
			const action = actionForKey(input, {}, states[context]!);
			assert.ok(
				!action ||
					!['chapter', 'section', 'bottom', 'search-start', 'search-next', 'width'].includes(
						action.type,
					),
				`${context}: ${input} gave ${action?.type}`,
			);
		}
	}

	assert.deepEqual(actionForKey('j', {}, states['prompt']!), {type: 'search-type', text: 'j'});
	assert.equal(actionForKey('', {tab: true}, states['prompt']!), undefined);
});

test('a 0 is a count, alone (0%) or after another digit', () => {
	assert.deepEqual(actionForKey('0', {}, reading), {type: 'digit', digit: '0'});
	assert.deepEqual(actionForKey('0', {}, {...reading, count: '5'}), {type: 'digit', digit: '0'});
});

test('the help and the overlays’ hints are drawn from the table', () => {
	assert.deepEqual(
		helpRows().map((row) => row.keys),
		keyTable.reading.map((row) => row.keys),
	);
	assert.equal(keyHint('contents'), '↑↓ move · Enter go · q close');
	assert.equal(
		keyHint('bookmarks'),
		"↑↓ move · Enter go · d delete · m adds one · ' back · q close",
	);
	assert.equal(keyHint('help'), '↑↓ scroll · q close');
	assert.equal(keyHint('library'), '↑↓ move · Enter read · d forget · u undo · q quit');
});

test('every row names its keys and says what they do, once per context', () => {
	for (const [context, rows] of Object.entries(keyTable)) {
		const keys = rows.map((row: {keys: string}) => row.keys);
		assert.equal(new Set(keys).size, keys.length, `${context}: a row named twice`);
		for (const row of rows as Array<{keys: string; help: string; on: unknown[]}>) {
			assert.ok(row.keys && row.help && row.on.length > 0, `${context}: ${row.keys}`);
		}
	}
});

test('every single key a row names does something in its context (h closes the help, as it opens it)', () => {
	const contexts = ['reading', 'contents', 'bookmarks', 'metadata', 'help'] as const;
	for (const context of contexts) {
		for (const row of keyTable[context]) {
			for (const token of row.keys.split(' ').filter((token) => /^[!-~]$/.test(token))) {
				assert.ok(
					actionForKey(token, {}, states[context]!),
					`${context}: ${token} (${row.help}) does nothing`,
				);
			}
		}
	}

	for (const row of keyTable.library)
		for (const token of row.keys.split(' ').filter((token) => /^[!-~]$/.test(token)))
			assert.ok(libraryActionForKey(token, {}), `library: ${token} does nothing`);
});

test('a hint too wide for its panel leaves out whole parts, keeping the last', () => {
	const hint = keyHint('bookmarks');
	assert.equal(fitHint(hint, 200), hint);
	assert.equal(fitHint(hint, 56), '↑↓ move · Enter go · d delete · m adds one · q close');
	assert.equal(fitHint(hint, 20), '↑↓ move · q close');
	assert.equal(fitHint('↑↓ scroll · q close · more below', 24), '↑↓ scroll · more below');
});
