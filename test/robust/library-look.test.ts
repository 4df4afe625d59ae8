// The library describes a folder's files from a bounded look: a huge or hostile file is listed in
// a few seconds, never parsed whole on the way to the list.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {workFromBytes} from '../../source/formats/open-work.ts';
import {libraryEntries} from '../../source/library/entries.ts';
import type {SavedWork} from '../../source/store/store.ts';
import {cliPath, projectRoot} from '../e2e/terminal.ts';

const home = mkdtempSync(join(tmpdir(), 'ficterm-look-'));
after(() => rmSync(home, {recursive: true, force: true}));
const folder = join(home, 'works');
mkdirSync(folder);
// 5,000,000 short paragraphs (40 MB): a full parse takes minutes and gigabytes.
writeFileSync(
	join(folder, 'huge.html'),
	`<html><head><title>Huge</title></head><body>${'<p>word '.repeat(5_000_000)}</body></html>`,
);
writeFileSync(
	join(folder, 'deep.html'),
	`<html><body>${'<div>'.repeat(200_000)}Deep.</body></html>`,
);
writeFileSync(join(folder, 'small.txt'), 'Chapter 1\n\nA small work, read whole.\n');

test('a folder with a 40 MB file and a deeply nested one is described in a few seconds', () => {
	const started = Date.now();
	const entries = libraryEntries([], [folder], undefined, 60_000);
	assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
	const titles = entries.map((entry) => entry.title);
	assert.deepEqual(titles, ['deep', 'Huge', 'small']);
	assert.equal(entries[1]!.path, join(folder, 'huge.html'));
});

test('past the time budget, files are listed by name with a note', () => {
	const entries = libraryEntries([], [folder], undefined, 0);
	assert.deepEqual(
		entries.map((entry) => entry.title),
		['deep.html', 'huge.html', 'small.txt'].map(
			(name) => `${name} (not looked into: the folder is large)`,
		),
	);
});

test('the library listing of that folder ends in a few seconds', () => {
	const started = Date.now();
	const result = spawnSync(process.execPath, [cliPath, '--dir', folder], {
		encoding: 'utf8',
		env: {...process.env, FICTERM_HOME: join(home, 'state')},
		timeout: 30_000,
	});
	assert.equal(result.status, 0, result.stderr);
	assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
	assert.match(result.stdout, /^Huge\t\tunread\t.*huge\.html$/m);
});

test('a long work in progress that grew is seen to have new chapters from its start alone', () => {
	const sample = readFileSync(
		join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt'),
		'utf8',
	);
	const path = join(home, 'grown', 'wip.txt');
	mkdirSync(join(home, 'grown'));
	writeFileSync(path, sample);
	const work = workFromBytes(readFileSync(path), path);
	// Read before with its 3 chapters; then 2 more chapters are posted, each long.
	const before: SavedWork = {
		id: work.id,
		title: work.meta.title,
		authors: work.meta.authors,
		path,
		format: work.format,
		anchor: {block: 0, offset: 0, snippet: '', opening: '', chapter: 0},
		fraction: 0.5,
		chapters: work.chapters.length,
		words: 1,
		readAt: '2026-01-01T00:00:00.000Z',
		bookmarks: [],
	};
	const long = 'A longer paragraph of the new chapter, written again and again. '.repeat(2000);
	writeFileSync(
		path,
		sample
			.replace('Chapters: 3/3', 'Chapters: 5/?')
			.replace(
				'Notes:\n\nThank you',
				`Chapter 4\n\n${long}\n\nChapter 5\n\n${long}\n\nNotes:\n\nThank you`,
			),
	);
	const [entry] = libraryEntries([before], [join(home, 'grown')]);
	assert.equal(entry!.newChapters, 2);
});
