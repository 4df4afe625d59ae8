// A work page saved from AO3 gives the same Work as AO3's download of the same work, and nothing
// of the site around it.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import fc from 'fast-check';
import {previewFromBytes, workFromBytes} from '../../source/formats/open-work.ts';
import type {Block, Work} from '../../source/work/types.ts';
import {generatedStory} from '../bench/generate.ts';
import {ao3PageOf} from '../helpers/ao3-page.ts';
import {fuzzRuns} from '../helpers/fuzz.ts';

const load = (name: string) => {
	const path = new URL(`../fixtures/ao3-html/${name}`, import.meta.url).pathname;
	return workFromBytes(readFileSync(path), path);
};

/** The blocks of one chapter, its heading, notes and text. */
function chapterBlocks(work: Work, index: number): Block[] {
	const chapter = work.chapters[index]!;
	return work.blocks.slice(chapter.start, chapter.end);
}

function frontBlocks(work: Work): Block[] {
	return work.front ? work.blocks.slice(work.front.start, work.front.end) : [];
}

const siteWords =
	/Archive of Our Own|Kudos|Comments|Entire Work|Next Chapter|Previous Chapter|Work Text|Chapter Text|Guest name|left kudos|Footer|otwarchive|Download|Bookmarks|Hits|See the end of|Series this work|Works inspired|Previous Work|Next Work/;

test('a one-shot page saved as HTML only is the same Work as its download', () => {
	const page = load('one-shot-saved-page.html');
	const download = load('one-shot.html');
	assert.deepEqual({...page, warnings: []}, {...download, warnings: []});
	assert.equal(page.id, 'ao3:515151');
	assert.deepEqual(page.warnings, []);
});

test('a chaptered work saved as its Entire Work page is the same Work as its download', () => {
	const page = load('cold-iron-stars-entire-work.html');
	const download = load('chaptered.html');
	assert.deepEqual(page, download);
	assert.equal(page.chapters.length, 3);
	assert.ok(
		page.blocks.some((block) => block.part === 'note' && block.text === 'They leave port.'),
	);
});

test('a chapter page is the work with that one chapter, and says so', () => {
	const page = load('chapter-1-of-cold-iron-stars.html');
	const download = load('chaptered.html');
	assert.equal(page.id, download.id);
	assert.deepEqual(page.meta, download.meta);
	assert.equal(page.summary, download.summary);
	assert.equal(page.notes, download.notes);
	assert.equal(page.endNotes, '');
	assert.deepEqual(
		page.blocks,
		[...frontBlocks(download), ...chapterBlocks(download, 0)],
		'the front page and chapter 1, nothing else',
	);
	assert.match(page.warnings.join('\n'), /Chapter 1: Departure only, of 3\/\? chapters/);
});

test('a 2017 chapter page copied as a bare fragment reads as the 2017 download does', () => {
	const page = load('chapter-page-2017-fragment.html');
	const download = load('chaptered-2017.html');
	assert.equal(page.format, 'ao3-html');
	assert.equal(page.id, 'ao3:11223344');
	// The 2017 download had no language row; the page did.
	assert.deepEqual(page.meta, {...download.meta, language: 'English'});
	assert.equal(page.meta.series, 'Part 1 of Marrow Lane');
	assert.equal(page.endNotes, download.endNotes);
	assert.deepEqual(
		page.chapters.map((chapter) => chapter.title),
		['Chapter 2: The Answer'],
	);
	assert.deepEqual(chapterBlocks(page, 0), chapterBlocks(download, 1));
	// Not the first chapter: no summary or notes on the page, so none on the front page.
	assert.equal(page.summary, '');
	const front = frontBlocks(page).map((block) => block.text);
	assert.deepEqual(front.slice(0, 2), ['Two Letters from Marrow Lane', 'by inkwick']);
	assert.ok(!front.some((text) => siteWords.test(text)), front.join('\n'));
	// The work's end notes close the last chapter, as they do in the download.
	assert.deepEqual(
		page.blocks.slice(-2).map((block) => block.text),
		['End Notes', 'Thank you for reading! The lane has more letters in it.'],
	);
});

test("a restricted work's lock icon is not part of its title", () => {
	const path = new URL('../fixtures/ao3-html/one-shot-saved-page.html', import.meta.url).pathname;
	const html = readFileSync(path, 'utf8').replace(
		'<h2 class="title heading">',
		'<h2 class="title heading">\n      <img alt="(Restricted)" title="Restricted" src="/images/lockblue.png" width="15" height="15" />',
	);
	assert.ok(html.includes('lockblue'));
	const work = workFromBytes(new TextEncoder().encode(html), path);
	assert.equal(work.meta.title, 'Salt on the Sill');
});

test('no word of the site reaches the text of any saved page', () => {
	for (const name of [
		'one-shot-saved-page.html',
		'cold-iron-stars-entire-work.html',
		'chapter-1-of-cold-iron-stars.html',
		'chapter-page-2017-fragment.html',
	]) {
		const texts = load(name)
			.blocks.filter((block) => block.part !== 'front')
			.map((block) => block.text);
		assert.ok(!texts.some((text) => siteWords.test(text)), `${name}: ${texts.join(' | ')}`);
	}
});

const word = fc.constantFrom(
	'rain',
	'Maren',
	'said',
	'“no”',
	'it’s',
	'café',
	'日本語',
	'stars.',
	'Why?',
	'Kudos',
);
const story = fc.record({
	title: fc.constantFrom('Generated Tale', 'Stars & Rain'),
	author: fc.constantFrom('writer', 'someone'),
	chapters: fc.array(
		fc.record({
			title: fc.constantFrom('Beginning', 'The End'),
			scenes: fc.array(
				fc.array(
					fc.array(word, {minLength: 2, maxLength: 30}).map((words) => `Then ${words.join(' ')}`),
					{minLength: 1, maxLength: 4},
				),
				{minLength: 1, maxLength: 3},
			),
		}),
		{minLength: 1, maxLength: 4},
	),
});

test('every story word of a generated page survives, once and in order, and nothing else', () => {
	fc.assert(
		fc.property(story, (generated) => {
			const work = workFromBytes(new TextEncoder().encode(ao3PageOf(generated)), 'page.html');
			const expected = generated.chapters.flatMap((chapter) =>
				chapter.scenes.flat().flatMap((paragraph) => paragraph.split(' ')),
			);
			const actual = work.blocks
				.filter((block) => block.part === 'story' && block.kind === 'paragraph')
				.flatMap((block) => block.text.split(/\s+/));
			assert.deepEqual(actual, expected);
			assert.equal(work.chapters.length, generated.chapters.length);
			assert.equal(work.id, 'ao3:777');
			assert.equal(work.meta.title, generated.title);
			// As in a download of a work in no series: no series key at all.
			assert.ok(!('series' in work.meta));
		}),
		fuzzRuns(40),
	);
});

test("a large saved page's preview is the start of the whole work, block for block", () => {
	const bytes = new TextEncoder().encode(ao3PageOf(generatedStory(600_000)));
	const preview = previewFromBytes(bytes, 'big.html');
	const whole = workFromBytes(bytes, 'big.html');
	assert.ok(preview, 'a preview for a file over 2 MB');
	assert.equal(preview.id, whole.id);
	assert.equal(preview.meta.title, whole.meta.title);
	assert.ok(preview.blocks.length > 50 && preview.blocks.length < whole.blocks.length);
	for (const [index, block] of preview.blocks.slice(0, -1).entries()) {
		assert.equal(block.text, whole.blocks[index]!.text, `block ${index}`);
	}
});
