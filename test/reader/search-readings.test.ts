import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Book} from '../../source/reader/book.ts';
import {reduceApp} from '../../source/reader/reducer.ts';
import {initialState, type ReaderState} from '../../source/reader/state.ts';
import {assembleWork} from '../../source/work/assemble.ts';
import {chapterDraft, emptyDraft} from '../../source/work/draft.ts';
import {emptyMeta} from '../../source/work/types.ts';

// 山路(やまみち)を登りながら: a reading shown after its text, as the reader draws it.
function workWithRuby() {
	const draft = emptyDraft('epub', emptyMeta('草枕'));
	const filler = Array.from({length: 30}, (_, index) => ({
		kind: 'paragraph' as const,
		text: `前置きの段落その${index + 1}。`,
	}));
	draft.chapters.push(
		chapterDraft('一', [
			...filler,
			{
				kind: 'paragraph',
				text: '山路を登りながら、こう考えた。',
				ruby: [{start: 0, end: 2, reading: 'やまみち'}],
			},
		]),
	);
	return assembleWork(draft);
}

function search(book: Book, query: string): ReaderState {
	let state = initialState({columns: 60, rows: 10});
	for (const input of ['/', ...query, '\r'])
		state = reduceApp(book, state, {type: 'key', input, key: input === '\r' ? {return: true} : {}});
	return state;
}

test('a search finds a ruby reading shown after its text, at that text', () => {
	const work = workWithRuby();
	const found = search(new Book(work), 'やまみち');
	assert.equal(found.message, '1/1');
	assert.match(work.blocks[found.anchor.block]!.text, /^山路を登りながら/);
	// With the readings left out (--no-readings), they are not on the screen, and not found.
	assert.equal(
		search(new Book(work, {readings: false}), 'やまみち').message,
		'Not found: やまみち',
	);
	assert.equal(search(new Book(work), '山路').message, '1/1');
});
