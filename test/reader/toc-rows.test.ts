import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {tocRows} from '../../source/reader/toc-rows.ts';
import {tocRowsFrom, type TocEntry} from '../../source/work/toc-index.ts';

const entry = (label: string, words: number, kind: TocEntry['kind'] = 'chapter'): TocEntry => ({
	kind,
	label,
	words,
	start: 0,
	chapter: 0,
	depth: 0,
});

const entries = [
	entry('Chapter 1: The Reef', 414),
	entry('The boat came in on the back of the third squall', 250, 'section'),
	entry('第二章 手紙', 12_383),
	entry('Chapter 3', 9),
];

function rowsAt(width: number): string[] {
	const shown = entries.map((each) => ({entry: each, mark: ' ', isNew: false}));
	return tocRows(tocRowsFrom(entries).mostWords, shown, width).map(
		(row) => row.label + row.isNew + row.gap + row.count,
	);
}

test('the counts say words as --toc does, right-aligned in one column, CJK titles included', () => {
	const rows = rowsAt(60);
	assert.ok(rows[0]!.endsWith('   414 words'), rows[0]);
	assert.ok(rows[2]!.endsWith('12,383 words'), rows[2]);
	assert.ok(rows[3]!.endsWith('      9 words'), rows[3]);
	for (const row of rows) assert.equal(stringWidth(row), 60, row);
});

test('a narrow panel gets the short form, still aligned, before the titles lose their room', () => {
	const rows = rowsAt(32);
	assert.ok(rows[0]!.endsWith('   414 w'), rows[0]);
	assert.ok(rows[2]!.endsWith('12,383 w'), rows[2]);
	for (const row of rows) assert.equal(stringWidth(row), 32, row);
	assert.match(rows[0]!, /Chapter 1: The Reef/);
});

test('a "new" mark stays beside its title and the column stays put', () => {
	const shown = entries.map((each, index) => ({entry: each, mark: ' ', isNew: index === 3}));
	const [row] = tocRows(tocRowsFrom(entries).mostWords, shown.slice(3), 60);
	assert.equal(row!.label + row!.isNew, '  Chapter 3 · new');
	assert.equal(stringWidth(row!.label + row!.isNew + row!.gap + row!.count), 60);
});
