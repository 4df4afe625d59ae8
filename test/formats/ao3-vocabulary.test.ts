import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	addAo3Stats,
	addAo3Value,
	ao3Authors,
	ao3LinkWorkId,
	ao3Series,
} from '../../source/formats/ao3-vocabulary.ts';
import {emptyMeta} from '../../source/work/types.ts';

test('a series reads the same from a download, a page and a 2017 page', () => {
	assert.equal(ao3Series('Part 2 of Long Haul'), 'Part 2 of Long Haul');
	assert.equal(ao3Series('← Previous Work Part 2 of Long Haul Next Work →'), 'Part 2 of Long Haul');
	assert.equal(
		ao3Series('Part 1 of the Tin Lanterns series Next Work →'),
		'Part 1 of Tin Lanterns',
	);
	assert.equal(
		ao3Series('Part 1 of A Next Work →, ← Previous Work Part 3 of B'),
		'Part 1 of A, Part 3 of B',
	);
});

test('stats after "Stats:" on the same line are all read', () => {
	const meta = emptyMeta();
	addAo3Stats(meta, 'Stats: Published: 2025-11-01 Words: 1,214 Chapters: 1/1 Kudos: 10');
	assert.equal(meta.published, '2025-11-01');
	assert.equal(meta.words, 1214);
	assert.equal(meta.chapterCount, '1/1');
});

test('tag labels are read in the singular and the plural; unknown labels are refused', () => {
	const meta = emptyMeta();
	assert.ok(addAo3Value(meta, 'Archive Warning', 'No Archive Warnings Apply'));
	assert.ok(addAo3Value(meta, 'Characters', 'Ada, Grace'));
	assert.ok(addAo3Value(meta, 'Categories', 'F/F, Gen'));
	assert.ok(!addAo3Value(meta, 'Favourite Colour', 'green'));
	assert.deepEqual(meta.warnings, ['No Archive Warnings Apply']);
	assert.deepEqual(meta.characters, ['Ada', 'Grace']);
	assert.deepEqual(meta.categories, ['F/F', 'Gen']);
});

test('bylines and the links of a work page', () => {
	assert.deepEqual(ao3Authors('by starwright, deckhand'), ['starwright', 'deckhand']);
	assert.deepEqual(ao3Authors('Anonymous'), ['Anonymous']);
	assert.equal(ao3LinkWorkId('/works/424242/chapters/1001'), '424242');
	assert.equal(
		ao3LinkWorkId('https://archiveofourown.org/works/424242?view_full_work=true'),
		'424242',
	);
	assert.equal(ao3LinkWorkId('/downloads/424242/Cold_Iron_Stars.epub?updated_at=1'), '424242');
	assert.equal(ao3LinkWorkId('/works/search?work_search%5Bquery%5D=x'), undefined);
	assert.equal(ao3LinkWorkId('https://example.org/works/5'), undefined);
});
