import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Book} from '../../source/reader/book.ts';
import {reduceApp} from '../../source/reader/reducer.ts';
import {findMatches} from '../../source/reader/search.ts';
import {SearchIndex} from '../../source/reader/search-index.ts';
import {matchRanges} from '../../source/reader/search-text.ts';
import {initialState, type ReaderState} from '../../source/reader/state.ts';
import {workOf} from '../helpers/works.ts';

const text = [
	'Chapter 1',
	'She didn’t answer. “Later,” she said — and meant it.',
	"İstanbul was cold; the cat slept. He didn't mind.",
	'Chapter 2',
	'The cat woke—the well-known cat.',
].join('\n\n');
const work = workOf(text + '\n');

test('a search for didn\'t finds didn’t, and " and - find “ ” and — –', () => {
	const found = (query: string) =>
		findMatches(work, query).map(({block, offset}) => work.blocks[block]!.text.slice(offset));
	assert.equal(found("didn't").length, 2);
	assert.match(found("didn't")[0]!, /^didn’t/);
	assert.match(found('“later,"')[0]!, /^“Later,”/);
	assert.equal(found('said - and').length, 1);
	assert.equal(found('woke-the').length, 1);
	assert.equal(found('didn’t').length, 2);
});

test('the search index folds quotes and dashes the same way as the scan', () => {
	const index = new SearchIndex(work);
	while (!index.advance(50));
	for (const query of ["didn't", 'didn’t', '"later,"', 'said - and', 'woke-the', 'cat']) {
		assert.ok(index.handles(query), query);
		assert.deepEqual(
			index.find(query, () => false),
			findMatches(work, query),
			query,
		);
	}
});

test('highlights fall on the real characters, after a letter whose lower case is longer (İ)', () => {
	const line = 'İstanbul was cold; the cat slept.';
	const [[start, end]] = matchRanges(line, 'cat') as [[number, number]];
	assert.equal(line.slice(start, end), 'cat');
	const [[from, to]] = matchRanges('She didn’t answer.', "didn't") as [[number, number]];
	assert.equal('She didn’t answer.'.slice(from, to), 'didn’t');
});

test('n past the last match says the search wrapped to the start; N past the first, to the end', () => {
	const book = new Book(work);
	const press = (state: ReaderState, ...inputs: string[]) =>
		inputs.reduce(
			(current, input) => reduceApp(book, current, {type: 'key', input, key: {}}),
			state,
		);
	const searched = press(initialState({columns: 80, rows: 10}), '/cat\r');
	assert.equal(searched.message, '1/3');
	const last = press(searched, 'n', 'n');
	assert.equal(last.message, '3/3');
	assert.equal(press(last, 'n').message, '1/3 · Search wrapped to the start');
	assert.equal(press(searched, 'N').message, '3/3 · Search wrapped to the end');
});
