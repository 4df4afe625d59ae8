import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {Book} from '../../source/reader/book.ts';
import type {KeyInfo} from '../../source/reader/keys.ts';
import {reduceApp} from '../../source/reader/reducer.ts';
import {SearchIndex} from '../../source/reader/search-index.ts';
import {packTexts} from '../../source/packed-texts.ts';
import {foldedByte} from '../../source/work/folded-text.ts';
import {TextStore} from '../../source/work/text-store.ts';
import {foldTexts} from '../../source/work/fold-texts.ts';
import {WorkTexts} from '../../source/work/work-texts.ts';
import {initialState, type ReaderState} from '../../source/reader/state.ts';
import {findMatches} from '../../source/reader/search.ts';
import {fuzzRuns} from '../helpers/fuzz.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const work = workOf(
	generatedText(8, 3) + '\nChapter 9\n\nCafé THE Kettle, the kettle; théa kettlé.\n',
);

function built(): SearchIndex {
	const index = new SearchIndex(work);
	while (!index.advance(1)) {
		// Built in small steps, as the reader does between keys.
	}

	return index;
}

test('the index finds what the regular expression finds, for lower-case ASCII queries', () => {
	const index = built();
	for (const query of ['kettle', 'the', 'c3s2p1', 'rain had', 'y.', 'th', ' ']) {
		assert.ok(index.handles(query), query);
		assert.deepEqual(
			index.find(query, () => false),
			findMatches(work, query),
			query,
		);
	}
});

test('queries with capitals or letters beyond ASCII are checked against the text itself', () => {
	const index = built();
	for (const query of ['Kettle', 'THE', 'café', 'Café', 'kettlé', 'thé', 'Théa']) {
		assert.ok(index.handles(query), query);
		assert.deepEqual(
			index.find(query, () => false),
			findMatches(work, query),
			query,
		);
	}

	assert.deepEqual(
		index.find('café', () => false),
		[{block: work.blocks.length - 1, offset: 0}],
	);
});

test('a query of characters beyond ASCII only goes to the regular expression', () => {
	const index = built();
	for (const query of ['日本', 'é', 'éé']) assert.equal(index.handles(query), false, query);
});

test('a search in steps finds what one search finds', () => {
	const large = workOf(generatedText(30, 3));
	const index = new SearchIndex(large, {scanWindow: 500});
	index.advance(Number.POSITIVE_INFINITY);
	for (const query of [
		'kettle',
		'Kettle',
		'the',
		'c12s',
		'zebra',
		'had boiled',
		'ry While',
		'y, and',
	]) {
		const scan = index.scanFor(query);
		let clock = 0;
		let steps = 0;
		while (!scan.advance(0, () => clock++)) steps++;
		assert.ok(steps > 1, `${query} took ${steps} steps`);
		assert.deepEqual(
			scan.matches(() => false),
			findMatches(large, query),
			query,
		);
		assert.equal(index.scanFor(query), scan, 'the same query goes on with the same scan');
	}
});

test('a candidate the text turns down does not hide a match that overlaps it', () => {
	const overlapping = workOf('aAa xAAb Aaa\n\nlast aA\n');
	const index = new SearchIndex(overlapping, {scanWindow: 3});
	index.advance(Number.POSITIVE_INFINITY);
	for (const query of ['Aa', 'aA', 'AA', 'aa'])
		assert.deepEqual(
			index.find(query, () => false),
			findMatches(overlapping, query),
			query,
		);
});

test('an index still being built is not used', () => {
	const large = workOf(generatedText(40, 3));
	const index = new SearchIndex(large);
	let clock = 0;
	index.advance(0, () => clock++);
	assert.equal(index.complete, false);
	assert.equal(index.handles('kettle'), false);
});

test('hidden blocks are left out of the index’s matches', () => {
	const index = built();
	const all = index.find('kettle', () => false);
	const last = work.blocks.length - 1;
	assert.deepEqual(
		index.find('kettle', (block) => block === last),
		all.filter((match) => match.block !== last),
	);
});

test('property: index and regular expression agree on generated text', () => {
	const letters = fc.constantFrom(
		'a',
		'b',
		'A',
		'B',
		' ',
		'é',
		'É',
		'日',
		'.',
		'\u00A0',
		'ſ',
		'S',
		's',
		'\u212A',
		'k',
		'’',
		"'",
		'—',
		'😀',
	);
	fc.assert(
		fc.property(
			fc.array(
				fc.array(letters, {minLength: 1, maxLength: 30}).map((characters) => characters.join('')),
				{minLength: 1, maxLength: 12},
			),
			fc.constantFrom(
				'a',
				'ab',
				'b a',
				'aa',
				'.',
				'A',
				'Ab',
				'aB',
				'é',
				'aé',
				'Éa',
				's',
				'S',
				'k',
				'K',
				"'",
				'’',
				'a-',
				'a—',
				'a😀',
				'日a',
			),
			(paragraphs, query) => {
				const generated = workOf(paragraphs.map((paragraph) => `x${paragraph}`).join('\n\n'));
				const index = new SearchIndex(generated);
				index.advance(1000);
				assert.deepEqual(
					findMatches(generated, query, () => false, index),
					findMatches(generated, query),
				);
			},
		),
		fuzzRuns(300),
	);
});

test('property: texts folded in the worker are the index strings make, and read back the same', () => {
	const letters = fc.constantFrom(
		'a',
		'B',
		' ',
		'é',
		'日',
		'’',
		'😀',
		'\uD800',
		'ſ',
		'\u212A',
		'\n',
	);
	fc.assert(
		fc.property(
			fc.array(
				fc.array(letters, {minLength: 1, maxLength: 40}).map((characters) => characters.join('')),
				{minLength: 1, maxLength: 12},
			),
			fc.constantFrom('a', 'b', 'é', 'a日', 'ab', 's', 'k'),
			(paragraphs, query) => {
				const generated = workOf(paragraphs.map((paragraph) => `x${paragraph}`).join('\n\n'));
				const texts = new WorkTexts(foldTexts(structuredClone(packTexts(generated.blocks))));
				const packed = {
					...generated,
					blocks: generated.blocks.map((block) => texts.block(block.kind, block.part)),
				};
				const strings = generated.blocks.map((block) => block.text);
				assert.deepEqual(
					packed.blocks.map((block) => block.text),
					strings,
				);
				const index = new SearchIndex(packed, {texts});
				assert.ok(index.complete, 'folded already');
				// Each text folded as the index of the strings folds it, a byte per UTF-16 unit.
				for (const [block, text] of strings.entries())
					assert.deepEqual(
						[...texts.folded.subarray(texts.starts[block], texts.ends[block])],
						Array.from({length: text.length}, (_, at) => foldedByte[text.charCodeAt(at)]!),
					);
				assert.deepEqual(
					findMatches(packed, query, () => false, index),
					findMatches(generated, query),
				);
			},
		),
		fuzzRuns(200),
	);
});

test('a search prepared while its query is typed, in whole or in part, lands where one found at Enter does', () => {
	const story = workOf(generatedText(40, 3));
	const plain = new Book(story);
	const press = (book: Book, state: ReaderState, input: string, key: KeyInfo = {}) =>
		reduceApp(book, state, {type: 'key', input, key});
	const enter = {return: true};
	for (const query of ['kettle', 'Kettle', 'c20s2', 'didn’t', 'zebra']) {
		for (const steps of [0, 1, 10, Number.POSITIVE_INFINITY]) {
			const indexed = new Book(story, {index: {fromChars: 0, scanWindow: 2000}});
			indexed.searchIndex!.advance(Number.POSITIVE_INFINITY);
			const typing = press(indexed, initialState({columns: 80, rows: 20}), `/${query}`);
			const scan = indexed.searchIndex!.scanFor(query);
			let clock = 0;
			for (let step = 0; step < steps && !scan.done; step++) scan.advance(0, () => clock++);
			const found = press(indexed, press(indexed, typing, '', enter), 'n');
			const expected = press(
				plain,
				press(plain, press(plain, initialState({columns: 80, rows: 20}), `/${query}`), '', enter),
				'n',
			);
			assert.deepEqual(found.anchor, expected.anchor, `${query} after ${steps} steps`);
			assert.equal(found.message, expected.message, `${query} after ${steps} steps`);
			assert.equal(
				indexed.searchIndex!.scanFor(query),
				scan,
				'Enter went on with the prepared scan',
			);
		}
	}
});

test('texts that lie out of order in the folded bytes are found in reading order', () => {
	const story = workOf(generatedText(30, 3));
	// Stored last first, with other bytes between them, as a worker's store can hold them.
	const store = new TextStore(64);
	const starts = new Uint32Array(story.blocks.length);
	const ends = new Uint32Array(story.blocks.length);
	for (let block = story.blocks.length - 1; block >= 0; block--) {
		store.add('Kettle between ');
		starts[block] = store.add(story.blocks[block]!.text);
		ends[block] = store.used;
	}

	const texts = new WorkTexts(foldTexts({bytes: store.bytes.buffer as ArrayBuffer, starts, ends}));
	const packed = {
		...story,
		blocks: story.blocks.map((block) => texts.block(block.kind, block.part)),
	};
	const index = new SearchIndex(packed, {texts});
	for (const query of ['kettle', 'Kettle', 'c20s2', 'didn’t', 'the', 'between']) {
		const expected = findMatches(story, query);
		assert.deepEqual(
			findMatches(packed, query, () => false, index),
			expected,
			query,
		);
		if (query === 'kettle' || query === 'the') assert.ok(expected.length > 0, query);
	}
});
