import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {SearchIndex} from '../../source/reader/search-index.ts';
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
