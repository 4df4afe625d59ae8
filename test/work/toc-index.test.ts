import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {openWorkBytes} from '../../source/formats/open-work.ts';
import {chapterOutlines} from '../../source/work/outline.ts';
import {rangeAt} from '../../source/work/progress.ts';
import {TocIndex, type TocEntry} from '../../source/work/toc-index.ts';
import type {Block, Work} from '../../source/work/types.ts';
import {zipFolder} from '../helpers/epub.ts';
import {generatedText, workOf} from '../helpers/works.ts';

/** The contents rows as they were made before, all at once from the chapters' outlines. */
function rowsFromOutlines(work: Work): TocEntry[] {
	const entries: TocEntry[] = [];
	let chapter = -1;
	for (const outline of chapterOutlines(work)) {
		chapter++;
		const {start, depth} = outline;
		for (const part of outline.parts)
			entries.push({kind: 'part', label: part.title, words: 0, start, chapter, depth: part.depth});
		entries.push({
			kind: 'chapter',
			label: outline.title,
			words: outline.words,
			start,
			chapter,
			depth,
		});
		if (outline.sections.length > 1) {
			for (const section of outline.sections) {
				const {words, opening: label} = section;
				entries.push({kind: 'section', label, words, start: section.start, chapter, depth});
			}
		}
	}

	return entries;
}

const fixtures = new URL('../fixtures/', import.meta.url).pathname;

async function fixtureWorks(): Promise<Array<[string, Work]>> {
	const works: Array<[string, Work]> = [];
	for (const format of readdirSync(fixtures)) {
		// PDFs are read by pdf.js, slowly; their chapters are like any other's.
		if (format === 'pdf') continue;
		for (const name of readdirSync(join(fixtures, format))) {
			if (/\.expected\.|README/.test(name)) continue;
			const path = join(fixtures, format, name);
			const bytes = name.endsWith('.epub.d') ? zipFolder(path) : readFileSync(path);
			works.push([`${format}/${name}`, await openWorkBytes(bytes, name.replace(/\.d$/, ''))]);
		}
	}

	return works;
}

test('every row, the place`s row and the widest count are those of the whole list made at once', async () => {
	const works = await fixtureWorks();
	works.push(['generated', workOf(generatedText(5, 3))], ['one', workOf('No chapters here.\n')]);
	for (const [name, work] of works) {
		const expected = rowsFromOutlines(work);
		const rows = new TocIndex(work);
		assert.equal(rows.length, expected.length, name);
		assert.deepEqual(
			Array.from({length: rows.length}, (_, index) => rows.at(index)),
			expected,
			name,
		);
		assert.equal(rows.at(expected.length), undefined);
		for (let block = 0; block < work.blocks.length; block++)
			assert.equal(rows.indexAt(block), rangeAt(expected, block), `${name} block ${block}`);
		let most = 0;
		for (const entry of expected) if (entry.kind !== 'part') most = Math.max(most, entry.words);
		assert.equal(rows.mostWords, most, name);
		assert.equal(rows.chapterCount, expected.filter((entry) => entry.kind === 'chapter').length);
	}
});

test('the contents of 20,000 chapters read only the blocks of the rows shown', () => {
	// Two scenes a chapter, so that every scene is a row with its opening words.
	const chapter = (index: number) =>
		`## Part ${index}\n\nThe first scene.\n\n* * *\n\nThe second.\n\n`;
	const work = workOf(Array.from({length: 20_000}, (_, index) => chapter(index)).join(''), 'a.md');
	let reads = 0;
	const watched: Work = {
		...work,
		blocks: new Proxy(work.blocks, {
			get(target, key, receiver) {
				if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
				return Reflect.get(target, key, receiver) as Block;
			},
		}),
	};
	const rows = new TocIndex(watched);
	const middle = rows.indexAt(work.chapters[10_000]!.start);
	assert.equal(rows.at(middle)?.kind, 'section');
	for (let index = middle - 20; index < middle + 20; index++) rows.at(index);
	// Made all at once, they read every scene's first blocks: 40,000 reads and more.
	assert.ok(reads < 200, `${reads} blocks read`);
	assert.equal(rows.length, 60_000);
});
