// Every fixture under test/fixtures/<format>/ must produce the outline stored beside it, and the
// same story saved in every format must give the same story text, chapters and sections.

import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {printLines} from '../../source/layout/print-lines.ts';
import {outlineJson} from '../../source/outline-output.ts';
import {openWorkBytes} from '../../source/formats/open-work.ts';
import type {Work} from '../../source/work/types.ts';
import {zipFolder} from '../helpers/epub.ts';

const root = new URL('../fixtures/', import.meta.url).pathname;

export type Fixture = {format: string; name: string; path: string; work: () => Promise<Work>};

/** Every fixture file, and every `*.epub.d` folder packed into an EPUB. */
export function fixtures(): Fixture[] {
	const found: Fixture[] = [];
	for (const format of readdirSync(root)) {
		for (const name of readdirSync(join(root, format))) {
			if (/\.expected\.(json|txt)$/.test(name) || name === 'README.md') continue;
			const path = join(root, format, name);
			const work = name.endsWith('.epub.d')
				? () => openWorkBytes(zipFolder(path), name.replace(/\.d$/, ''))
				: () => openWorkBytes(readFileSync(path), path);
			found.push({format, name, path, work});
		}
	}

	return found;
}

const expectedPath = (fixture: Fixture) =>
	fixture.path.replace(/(\.epub\.d|\.[^./]+)$/, '.expected.json');

for (const fixture of fixtures()) {
	test(`${fixture.format}/${fixture.name} gives its expected outline`, async () => {
		const actual = JSON.parse(outlineJson(await fixture.work()));
		assert.equal(actual.format, fixture.format);
		const path = expectedPath(fixture);
		if (!existsSync(path) && process.env['FICTERM_WRITE_FIXTURES'])
			writeFileSync(path, JSON.stringify(actual, undefined, 2) + '\n');
		assert.deepEqual(actual, JSON.parse(readFileSync(path, 'utf8')));
	});
}

// Where a fixture has `<name>.expected.txt`, what --print --width 72 shows must be that text.
for (const fixture of fixtures()) {
	const path = expectedPath(fixture).replace(/\.json$/, '.txt');
	if (!existsSync(path)) continue;
	test(`${fixture.format}/${fixture.name} prints its expected text`, async () => {
		const printed = [...printLines(await fixture.work(), 72)].join('\n') + '\n';
		assert.equal(printed, readFileSync(path, 'utf8'));
	});
}

function storyWords(work: Work): string {
	return work.blocks
		.filter((block) => block.part === 'story' && block.kind !== 'heading' && block.kind !== 'break')
		.map((block) => block.text)
		.join(' ')
		.replace(/[“”]/g, '"')
		.replace(/[‘’]/g, "'")
		.split(/\s+/)
		.join(' ');
}

function shape(work: Work) {
	return work.chapters.map((_, index) =>
		work.sections
			.filter((section) => section.chapter === index)
			.map((section) => work.wordsBefore[section.end]! - work.wordsBefore[section.start]!),
	);
}

/** Formats whose files name the work's authors (a plain HTML or EPUB of this story names fewer). */
const namesAuthors = new Set([
	'ao3-html',
	'ao3-epub',
	'ao3-text',
	'fff-txt',
	'fff-html',
	'fff-epub',
]);

test('the same story in every format gives the same story text, chapters, sections, title and authors', async () => {
	const same = fixtures().filter(
		(fixture) =>
			fixture.name.startsWith('cold-iron-stars') ||
			fixture.name === 'chaptered-with-notes.txt' ||
			fixture.name === 'chaptered.html',
	);
	assert.ok(same.length >= 14, `only ${same.length} formats`);
	assert.ok(same.some((fixture) => fixture.name === 'cold-iron-stars-entire-work.html'));
	const reference = await same[0]!.work();
	for (const fixture of same.slice(1)) {
		const work = await fixture.work();
		assert.equal(storyWords(work), storyWords(reference), fixture.format);
		assert.deepEqual(shape(work), shape(reference), fixture.format);
		assert.equal(work.meta.title, reference.meta.title, fixture.format);
		// AO3 lists co-authors sorted by pseud, FanFicFare in the site's order: the same people.
		if (namesAuthors.has(fixture.format))
			assert.deepEqual(
				work.meta.authors.toSorted(),
				reference.meta.authors.toSorted(),
				fixture.format,
			);
	}
});

test('a work is the same work in every format: AO3 id where the file names it, else its text', async () => {
	const ids = new Map<string, string>();
	for (const fixture of fixtures())
		ids.set(`${fixture.format}/${fixture.name}`, (await fixture.work()).id);
	for (const name of [
		'ao3-html/chaptered.html',
		'ao3-html/cold-iron-stars-entire-work.html',
		'ao3-epub/cold-iron-stars.epub.d',
		'fff-txt/cold-iron-stars.txt',
		'fff-html/cold-iron-stars.html',
		'fff-epub/cold-iron-stars.epub.d',
		'markdown/cold-iron-stars.md',
		'fb2/ao3-calibre-toc.fb2',
		'pdf/ao3-cold-iron-stars.pdf',
		'azw3/ao3-cold-iron-stars.azw3',
		'azw3/ao3-chaptered-from-html.azw3',
		'mobi/ao3-cold-iron-stars-combined.mobi',
		'mobi/ao3-cold-iron-stars.mobi',
		'mobi/ao3-cold-iron-stars-from-html.mobi',
		'ao3-html/cold-iron-stars-download.html',
	]) {
		assert.equal(ids.get(name), 'ao3:424242', name);
	}

	const text = ids.get('ao3-text/chaptered-with-notes.txt');
	assert.match(text!, /^sha256:/);
	for (const name of [
		'epub/cold-iron-stars.epub.d',
		'html/cold-iron-stars.html',
		'text/cold-iron-stars-utf16.txt',
		'fb2/cold-iron-stars.fb2',
		'fb2/cold-iron-stars.fb2.zip',
		'azw3/cold-iron-stars.azw3',
		'mobi/cold-iron-stars.mobi',
		'mobi/cold-iron-stars-combined.mobi',
	]) {
		assert.equal(ids.get(name), text, name);
	}
});
