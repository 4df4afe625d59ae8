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

test('queries with capitals or beyond ASCII go to the regular expression', () => {
	const index = built();
	assert.equal(index.handles('Kettle'), false);
	assert.equal(index.handles('café'), false);
	assert.deepEqual(
		findMatches(work, 'café', () => false, index),
		[{block: work.blocks.length - 1, offset: 0}],
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
	const letters = fc.constantFrom('a', 'b', 'A', 'B', ' ', 'é', '日', '.', '\u00A0');
	fc.assert(
		fc.property(
			fc.array(
				fc.array(letters, {minLength: 1, maxLength: 30}).map((characters) => characters.join('')),
				{minLength: 1, maxLength: 12},
			),
			fc.constantFrom('a', 'ab', 'b a', 'aa', '.'),
			(paragraphs, query) => {
				const generated = workOf(paragraphs.map((paragraph) => `x${paragraph}`).join('\n\n'));
				const index = new SearchIndex(generated);
				index.advance(1000);
				assert.deepEqual(
					index.find(query, () => false),
					findMatches(generated, query),
				);
			},
		),
		fuzzRuns(200),
	);
});
