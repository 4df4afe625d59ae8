// XPointers as KOReader (crengine's ldomXPointer::toStringV2) names places in our EPUB fixtures.
// The rules, from crengine's lvtinydom.cpp: an EPUB becomes one document whose root holds <body>,
// which holds one <DocFragment> per spine itemref (linear="no" included, counted from 1), each
// holding the document's own <body>; <html> and <head> are dropped. Every element step is
// `name[i]`, i counting the parent's children of that name from 1 (since DOM version 20260812 the
// [1] is always written; older books omit it when the element has no sibling of its name); a text
// step is `text()[k]`, k counting the parent's text nodes that hold more than white space; the
// point is `.C`, a character offset in that text node (or a child index after an element).

import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {workFromBytes} from '../../source/formats/open-work.ts';
import {epubElementPaths} from '../../source/formats/epub-element-paths.ts';
import {
	anchorAtXPointer as anchorIn,
	parseXPointer,
	xpointerAt as xpointerIn,
} from '../../source/sync/xpointer.ts';
import type {Anchor} from '../../source/work/anchor.ts';
import type {Work} from '../../source/work/types.ts';
import {zipSync, type Zippable} from 'fflate';
import {zipFolder} from '../helpers/epub.ts';

/** Each work's file: blocks keep only element numbers, and the paths are read from it again. */
const files = new Map<Work, Uint8Array>();

const fixture = (name: string, folder = 'epub'): Work => {
	const bytes = zipFolder(`test/fixtures/${folder}/${name}.epub.d`);
	const work = workFromBytes(bytes, `${name}.epub`);
	files.set(work, bytes);
	return work;
};

const pathsOf = (work: Work) => {
	const bytes = files.get(work);
	return bytes ? epubElementPaths(bytes, work.format) : () => undefined;
};

const xpointerAt = (work: Work, anchor: Anchor) => xpointerIn(work, anchor, pathsOf(work));
const anchorAtXPointer = (work: Work, xpointer: string) => anchorIn(work, xpointer, pathsOf(work));

const stars = fixture('cold-iron-stars');
const harbour = fixture('harbour-anthology');

function blockStarting(work: Work, start: string): number {
	const index = work.blocks.findIndex((block) => block.text.startsWith(start));
	assert.notEqual(index, -1, `no block starts with ${start}`);
	return index;
}

test('cold-iron-stars: the cover (linear="no") is DocFragment[1], so c2.xhtml is DocFragment[3]', () => {
	// c2.xhtml's body: h1, p, hr, p, p, hr, p: the paragraphs are p[1]..p[4], the rules do not count.
	const first = blockStarting(stars, 'The first jump went badly.');
	assert.equal(
		xpointerAt(stars, {block: first, offset: 0}),
		'/body[1]/DocFragment[3]/body[1]/p[1]/text()[1].0',
	);
	// "The second" is 27 characters into the paragraph's first text node.
	assert.equal(
		xpointerAt(stars, {block: first, offset: 27}),
		'/body[1]/DocFragment[3]/body[1]/p[1]/text()[1].27',
	);
	const last = blockStarting(stars, 'Three days later');
	assert.equal(
		xpointerAt(stars, {block: last, offset: 0}),
		'/body[1]/DocFragment[3]/body[1]/p[4]/text()[1].0',
	);
	// "chapter 1.xhtml" (a space in its name) is the second itemref.
	assert.equal(
		xpointerAt(stars, {block: blockStarting(stars, 'Pell was already aboard'), offset: 0}),
		'/body[1]/DocFragment[2]/body[1]/p[2]/text()[1].0',
	);
});

test('past the first text node (inside <strong>), the paragraph start stands for the place', () => {
	const first = blockStarting(stars, 'The first jump went badly.');
	const worse = stars.blocks[first]!.text.indexOf('worse');
	assert.equal(
		xpointerAt(stars, {block: first, offset: worse + 2}),
		'/body[1]/DocFragment[3]/body[1]/p[1]/text()[1].0',
	);
});

test('harbour-anthology: the nav document is in the spine, so tales.xhtml is DocFragment[2]', () => {
	const tales = '/body[1]/DocFragment[2]/body[1]/section[1]';
	// Inside the outer section: div (a page marker ficterm skips, still an element to crengine),
	// h2, then the inner sections section[1] and section[2].
	assert.equal(
		xpointerAt(harbour, {block: blockStarting(harbour, 'Old Bram'), offset: 0}),
		`${tales}/section[1]/p[1]/text()[1].0`,
	);
	// The second paragraph's text is cut by a page-break <span>: its first text node comes first.
	assert.equal(
		xpointerAt(harbour, {block: blockStarting(harbour, 'The boys who came'), offset: 4}),
		`${tales}/section[1]/p[2]/text()[1].4`,
	);
	// A verse group is one block: its element is the linegroup div, its first text in its first line.
	assert.equal(
		xpointerAt(harbour, {block: blockStarting(harbour, 'The wall was built'), offset: 0}),
		`${tales}/section[2]/div[1]/div[1]/text()[1].0`,
	);
	assert.equal(
		xpointerAt(harbour, {block: blockStarting(harbour, 'No stone was ever lost'), offset: 0}),
		`${tales}/section[2]/div[2]/div[1]/text()[1].0`,
	);
	// minato.xhtml is the third itemref; its paragraph is the body's first p.
	assert.equal(
		xpointerAt(harbour, {block: blockStarting(harbour, '「朝になると'), offset: 3}),
		'/body[1]/DocFragment[3]/body[1]/p[1]/text()[1].3',
	);
});

test("KOReader's older form (no [1] where an element has no same-name sibling) is read back", () => {
	const last = blockStarting(stars, 'Three days later');
	assert.deepEqual(anchorAtXPointer(stars, '/body/DocFragment[3]/body/p[4]/text().12'), {
		block: last,
		offset: 12,
	});
	assert.deepEqual(
		anchorAtXPointer(harbour, '/body/DocFragment[2]/body/section/section[1]/p[1]/text().5'),
		{block: blockStarting(harbour, 'Old Bram'), offset: 5},
	);
});

test('a place inside an inline element, or on a container, lands on its block', () => {
	const first = blockStarting(stars, 'The first jump went badly.');
	assert.deepEqual(anchorAtXPointer(stars, '/body/DocFragment[3]/body/p[1]/strong/text().2'), {
		block: first,
		offset: 0,
	});
	// The inner section[2] holds the heading "2 THE SEA WALL" first.
	assert.deepEqual(anchorAtXPointer(harbour, '/body/DocFragment[2]/body/section/section[2].0'), {
		block: blockStarting(harbour, '2 THE SEA WALL'),
		offset: 0,
	});
});

test('what no block holds, or what is not an XPointer, gives no place', () => {
	assert.equal(anchorAtXPointer(stars, '/body/DocFragment[9]/body/p[1]/text().0'), undefined);
	for (const junk of [
		'42',
		'',
		'p[1]',
		'/body/DocFragment[0]/body',
		'/body/<script>/p',
		'/'.repeat(5000),
	])
		assert.equal(anchorAtXPointer(stars, junk), undefined, junk);
});

test('every EPUB block round-trips: its XPointer leads back to it', () => {
	for (const work of [stars, harbour]) {
		for (const [block, {epubElement}] of work.blocks.entries()) {
			if (epubElement === undefined) continue;
			const xpointer = xpointerAt(work, {block, offset: 0})!;
			assert.equal(anchorAtXPointer(work, xpointer)?.block, block, xpointer);
		}
	}
});

test('the parser keeps steps and the point apart', () => {
	assert.deepEqual(parseXPointer('/body/DocFragment[12]/body/div/p[3]/text()[2].45'), {
		steps: [
			{name: 'body', index: 1},
			{name: 'DocFragment', index: 12},
			{name: 'body', index: 1},
			{name: 'div', index: 1},
			{name: 'p', index: 3},
			{name: 'text()', index: 2},
		],
		offset: 45,
	});
});

test('works from other formats carry no element paths', () => {
	const work = workFromBytes(Buffer.from('Chapter 1\n\nSome text.\n'), 'story.txt');
	assert.ok(work.blocks.every((block) => block.epubElement === undefined));
	assert.equal(xpointerAt(work, {block: 1, offset: 0}), undefined);
});

test("AO3's and FanFicFare's EPUBs: a chapter's start names the first element of its text", () => {
	for (const folder of ['ao3-epub', 'fff-epub']) {
		const work = fixture('cold-iron-stars', folder);
		for (const chapter of work.chapters) {
			const xpointer = xpointerAt(work, {block: chapter.start, offset: 0});
			assert.match(xpointer ?? '', /^\/body\[1\]\/DocFragment\[\d+\]\/body\[1\]\/.*\.0$/, folder);
			const back = anchorAtXPointer(work, xpointer!)!;
			assert.ok(back.block >= chapter.start && back.block < chapter.end, `${folder}: ${xpointer}`);
		}
	}
});

test("an AO3 EPUB's hidden headings are left out when the paths are read again, as when it was read", () => {
	// Calibre keeps AO3's hidden `h2.toc-heading`: a block element the AO3 reader skips. Read again
	// without skipping it, every later block's order would be one off, and its path another element's.
	const folder = 'test/fixtures/ao3-epub/cold-iron-stars.epub.d';
	const chapter = 'OEBPS/Cold_Iron_Stars_split_002.xhtml';
	const entries: Zippable = {};
	for (const name of [
		'mimetype',
		'META-INF/container.xml',
		...readdirSync(`${folder}/OEBPS`).map((file) => `OEBPS/${file}`),
	]) {
		let bytes: Uint8Array = readFileSync(`${folder}/${name}`);
		if (name === chapter)
			bytes = Buffer.from(
				bytes
					.toString()
					.replace(
						'<div class="calibre10">',
						'<h2 class="toc-heading">Chapter 2</h2><div class="calibre10">',
					),
			);
		entries[name] = [bytes, {level: name === 'mimetype' ? 0 : 6}];
	}

	const bytes = zipSync(entries);
	const work = workFromBytes(bytes, 'cold-iron-stars.epub');
	const paths = epubElementPaths(bytes, work.format);
	const block = blockStarting(work, '“We could turn back,”');
	const xpointer = xpointerIn(work, {block, offset: 3}, paths);
	assert.match(xpointer ?? '', /\/body\[1\]\/div\[1\]\/div\[2\]\/p\[3\]\/text\(\)\[1\]\.3$/);
	assert.deepEqual(anchorIn(work, xpointer!, paths), {block, offset: 3});
});
