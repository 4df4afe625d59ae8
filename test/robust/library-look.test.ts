// The library describes a folder's files from a bounded look: a huge or hostile file is listed in
// a few seconds, never parsed whole on the way to the list.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {libraryEntries} from '../../source/library/entries.ts';
import {cliPath} from '../e2e/terminal.ts';

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
