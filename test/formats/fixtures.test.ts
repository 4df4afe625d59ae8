// Every fixture under test/fixtures/<format>/ must produce the outline stored beside it, and the
// same story saved in every format must give the same story text, chapters and sections.

import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {outlineJson} from '../../source/outline-output.ts';
import {workFromBytes} from '../../source/formats/open-work.ts';
import type {Work} from '../../source/work/types.ts';
import {zipFolder} from '../helpers/epub.ts';

const root = new URL('../fixtures/', import.meta.url).pathname;

export type Fixture = {format: string; name: string; path: string; work: () => Work};

/** Every fixture file, and every `*.epub.d` folder packed into an EPUB. */
export function fixtures(): Fixture[] {
	const found: Fixture[] = [];
	for (const format of readdirSync(root)) {
		for (const name of readdirSync(join(root, format))) {
			if (name.endsWith('.expected.json')) continue;
			const path = join(root, format, name);
			const work = name.endsWith('.epub.d')
				? () => workFromBytes(zipFolder(path), name.replace(/\.d$/, ''))
				: () => workFromBytes(readFileSync(path), path);
			found.push({format, name, path, work});
		}
	}

	return found;
}

const expectedPath = (fixture: Fixture) =>
	fixture.path.replace(/(\.epub\.d|\.[^./]+)$/, '.expected.json');

for (const fixture of fixtures()) {
	test(`${fixture.format}/${fixture.name} gives its expected outline`, () => {
		const actual = JSON.parse(outlineJson(fixture.work()));
		assert.equal(actual.format, fixture.format);
		const path = expectedPath(fixture);
		if (!existsSync(path) && process.env['FICTERM_WRITE_FIXTURES'])
			writeFileSync(path, JSON.stringify(actual, undefined, 2) + '\n');
		assert.deepEqual(actual, JSON.parse(readFileSync(path, 'utf8')));
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

test('the same story in every format gives the same story text, chapters and sections', () => {
	const same = fixtures().filter(
		(fixture) =>
			fixture.name.startsWith('cold-iron-stars') ||
			fixture.name === 'chaptered-with-notes.txt' ||
			fixture.name === 'chaptered.html',
	);
	assert.ok(same.length >= 10, `only ${same.length} formats`);
	const reference = same[0]!.work();
	for (const fixture of same.slice(1)) {
		const work = fixture.work();
		assert.equal(storyWords(work), storyWords(reference), fixture.format);
		assert.deepEqual(shape(work), shape(reference), fixture.format);
	}
});

test('a work is the same work in every format: AO3 id where the file names it, else its text', () => {
	const ids = new Map(
		fixtures().map((fixture) => [`${fixture.format}/${fixture.name}`, fixture.work().id]),
	);
	for (const name of [
		'ao3-html/chaptered.html',
		'ao3-epub/cold-iron-stars.epub.d',
		'fff-txt/cold-iron-stars.txt',
		'fff-html/cold-iron-stars.html',
		'fff-epub/cold-iron-stars.epub.d',
	]) {
		assert.equal(ids.get(name), 'ao3:424242', name);
	}

	const text = ids.get('ao3-text/chaptered-with-notes.txt');
	assert.match(text!, /^sha256:/);
	for (const name of [
		'epub/cold-iron-stars.epub.d',
		'html/cold-iron-stars.html',
		'markdown/cold-iron-stars.md',
		'text/cold-iron-stars-utf16.txt',
	]) {
		assert.equal(ids.get(name), text, name);
	}
});
