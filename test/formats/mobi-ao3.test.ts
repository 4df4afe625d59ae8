// AO3's MOBI 6 download reads as the HTML download it was made from: tags, notes, chapters, id.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {workFromBytes} from '../../source/formats/open-work.ts';
import {printLines} from '../../source/layout/print-lines.ts';
import {outlineJson} from '../../source/outline-output.ts';
import {mobi6File} from '../helpers/mobi.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

function outlineWithoutFormat(path: string) {
	const outline = JSON.parse(outlineJson(workFromBytes(fixture(path), path))) as Record<
		string,
		unknown
	>;
	delete outline['format'];
	return outline;
}

test("AO3's MOBI, made as otwarchive makes it, gives its HTML download's outline and text", () => {
	const html = 'ao3-html/cold-iron-stars-download.html';
	const mobi = 'mobi/ao3-cold-iron-stars-from-html.mobi';
	assert.deepEqual(outlineWithoutFormat(mobi), outlineWithoutFormat(html));
	const printed = (path: string) => [...printLines(workFromBytes(fixture(path), path), 72)];
	assert.deepEqual(printed(mobi), printed(html));
});

const posted =
	'<p align="center"><b>Tea Leaves</b><br/>Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at <a href="https://archiveofourown.org/works/777">https://archiveofourown.org/works/777</a>.</p>';
const nested = (depth: number, text: string) =>
	'<blockquote height="0pt">'.repeat(depth) + text + '</blockquote>'.repeat(depth);

test("a MOBI 6 preface's values nested in blockquotes as deep as a margin makes them are its tags", () => {
	const book = mobi6File([
		{
			title: 'Preface',
			html: `${posted}<blockquote height="2em">Fandom:</blockquote>${nested(10, '<a href="x">Tea Shop AU</a>')}<p><b>Additional Tags:</b></p>${nested(1, '<a href="y">Rain</a>, <a href="z">Slow Burn</a>')}<blockquote>Stats:</blockquote>${nested(2, 'Published: 2024-02-01 Words: 12 Chapters: 1/1')}<p align="center"><font size="5"><b>Tea Leaves</b></font></p><p align="center">by <a href="u">leafwright</a></p>`,
		},
		{
			title: 'Chapter 1',
			html: '<p align="center"><font size="5"><b>Chapter 1</b></font></p><p>Chapter Notes</p><p><font size="2"> See the end of the chapter for </font><a filepos=0000000001><font size="2">notes</font></a></p><p>The kettle sang twice before anyone moved.</p><p>Chapter End Notes</p><blockquote>Thanks for reading.</blockquote>',
		},
		{
			title: 'Afterword',
			html: '<p> </p><p align="center">Please drop by the Archive and comment!</p>',
		},
	]);
	const work = workFromBytes(book, 'tea.mobi');
	assert.equal(work.id, 'ao3:777');
	assert.deepEqual(work.meta.fandoms, ['Tea Shop AU']);
	assert.deepEqual(work.meta.tags, ['Rain', 'Slow Burn']);
	assert.equal(work.meta.published, '2024-02-01');
	assert.deepEqual(work.meta.authors, ['leafwright']);
	const story = work.blocks.filter((block) => block.part === 'story' && block.kind === 'paragraph');
	assert.deepEqual(
		story.map((block) => block.text),
		['The kettle sang twice before anyone moved.'],
	);
	assert.ok(
		work.blocks.some((block) => block.text === 'Thanks for reading.' && block.part !== 'story'),
	);
});
