import assert from 'node:assert/strict';
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {libraryEntries, relativeTime, type LibraryEntry} from '../../source/library/entries.ts';
import {reduceLibrary, type LibraryState} from '../../source/library/library-state.ts';
import {libraryActionForKey} from '../../source/reader/key-lookup.ts';
import type {SavedWork} from '../../source/store/store.ts';
import {loadWork} from '../../source/formats/read-work-file.ts';

const folder = mkdtempSync(join(tmpdir(), 'ficterm-library-'));
after(() => rmSync(folder, {recursive: true, force: true}));
const samples = new URL('../../works/', import.meta.url).pathname;

function saved(path: string, extra: Partial<SavedWork> = {}): SavedWork {
	const work = loadWork(path);
	return {
		id: work.id,
		title: work.meta.title,
		authors: work.meta.authors,
		path,
		format: work.format,
		anchor: {block: 0, offset: 0, snippet: '', opening: '', chapter: 0},
		fraction: 0.5,
		chapters: work.chapters.length,
		words: 1,
		readAt: '2026-11-20T10:00:00.000Z',
		bookmarks: [],
		...extra,
	};
}

test('lists works read before first, then unread files; a moved file is found by its id', () => {
	const moved = join(folder, 'renamed.txt');
	copyFileSync(join(samples, 'the-lighthouse-keepers-daughter.txt'), moved);
	const entries = libraryEntries(
		[saved(moved, {path: '/old/place/lighthouse.txt'})],
		[folder, samples],
	);
	assert.equal(entries[0]!.path, moved);
	assert.equal(entries[0]!.missing, false);
	assert.equal(entries[0]!.fraction, 0.5);
	assert.deepEqual(
		entries.slice(1).map((entry) => entry.title),
		['A Field Guide to the Small Hours'],
	);
	rmSync(moved);
});

test('a file that is gone is shown as missing, not dropped', () => {
	const entries = libraryEntries(
		[
			saved(join(samples, 'a-field-guide-to-small-hours.txt'), {
				id: 'sha256:gone',
				path: '/nowhere/gone.txt',
				title: 'Gone',
			}),
		],
		[],
	);
	assert.deepEqual(
		entries.map((entry) => [entry.title, entry.missing]),
		[['Gone', true]],
	);
});

test('counts chapters added since the last reading', () => {
	const path = join(folder, 'wip.txt');
	const text = readFileSync(join(samples, 'the-lighthouse-keepers-daughter.txt'), 'utf8');
	writeFileSync(path, text);
	const before = saved(path);
	writeFileSync(
		path,
		text.replace(
			'Notes:\n\nThank you',
			'Chapter 4\n\nChapter Text\n\nMore.\n\nChapter 5\n\nChapter Text\n\nEven more.\n\nNotes:\n\nThank you',
		),
	);
	const [entry] = libraryEntries([before], [folder]);
	assert.equal(entry!.newChapters, 2);
	rmSync(path);
});

test('a work read before and unchanged since is described from the store, not parsed again', () => {
	const path = join(folder, 'unchanged.txt');
	writeFileSync(path, new Uint8Array([0, 1, 2, 3]));
	const known = {
		...saved(join(samples, 'a-field-guide-to-small-hours.txt')),
		path,
		readAt: new Date(Date.now() + 60_000).toISOString(),
	};
	const [entry] = libraryEntries([known], [folder]);
	assert.equal(entry!.title, 'A Field Guide to the Small Hours');
	assert.equal(entry!.missing, false);
	rmSync(path);
});

test('keys: j/k move, Enter chooses, d forgets, q quits; a missing work is not opened', () => {
	const entries = libraryEntries(
		[
			saved(join(samples, 'a-field-guide-to-small-hours.txt'), {
				id: 'a',
				path: '/nowhere',
				title: 'Gone',
			}),
		],
		[samples],
	);
	let state: LibraryState = {entries, cursor: 0, quitting: false};
	state = reduceLibrary(state, libraryActionForKey('', {return: true})!);
	assert.equal(state.chosen, undefined);
	assert.match(state.message!, /^Missing/);
	state = reduceLibrary(state, libraryActionForKey('j', {})!);
	assert.equal(
		reduceLibrary(state, libraryActionForKey('', {return: true})!).chosen,
		entries[1]!.path,
	);
	state = reduceLibrary(state, libraryActionForKey('k', {})!);
	state = reduceLibrary(state, libraryActionForKey('d', {})!);
	assert.equal(state.entries.length, entries.length - 1);
	assert.equal(reduceLibrary(state, libraryActionForKey('q', {})!).quitting, true);
});

test('u brings back what d forgot, latest first, in its place and with its progress', () => {
	const entry = (title: string, readAt?: string): LibraryEntry => ({
		id: title,
		path: `/works/${title}.txt`,
		shownPath: `${title}.txt`,
		title,
		authors: [],
		fraction: readAt ? 0.5 : 0,
		readAt,
		newChapters: 0,
		missing: title === 'Gone',
	});
	const entries = [entry('Read', '2026-01-02'), entry('Gone', '2026-01-01'), entry('New')];
	const press = (state: LibraryState, key: string) =>
		reduceLibrary(state, libraryActionForKey(key, {})!);
	let state: LibraryState = {entries, cursor: 0, quitting: false};
	state = press(state, 'd');
	assert.equal(state.message, 'Forgot Read · u to undo');
	assert.equal(state.entries[0]!.readAt, undefined);
	state = press(press(state, 'j'), 'd');
	assert.deepEqual(
		state.entries.map((each) => each.title),
		['Read', 'New'],
	);
	assert.deepEqual(
		state.forgotten?.map((each) => each.entry.title),
		['Read', 'Gone'],
	);
	state = press(state, 'u');
	assert.equal(state.message, 'Restored Gone');
	assert.deepEqual(state.entries, [state.entries[0], entries[1], entries[2]]);
	assert.equal(state.cursor, 1);
	state = press(state, 'u');
	assert.deepEqual(state.entries, entries);
	assert.equal(state.forgotten?.length, 0);
	assert.equal(press(state, 'u').message, 'Nothing to undo');
});

test('last-read times read naturally', () => {
	const now = new Date('2026-11-24T12:00:00Z');
	assert.equal(relativeTime('2026-11-24T11:59:30Z', now), 'just now');
	assert.equal(relativeTime('2026-11-24T11:30:00Z', now), '30 min ago');
	assert.equal(relativeTime('2026-11-24T02:00:00Z', now), '10 h ago');
	assert.equal(relativeTime('2026-11-20T12:00:00Z', now), '4 days ago');
});

test('a folder lists FB2, AZW3, MOBI and PDF files too, by title where a look can tell it', () => {
	const shelf = mkdtempSync(join(tmpdir(), 'ficterm-shelf-'));
	const fixtures = new URL('../fixtures/', import.meta.url).pathname;
	for (const file of [
		'fb2/cold-iron-stars.fb2',
		'fb2/cold-iron-stars.fb2.zip',
		'azw3/cold-iron-stars.azw3',
		'mobi/cold-iron-stars.mobi',
		'pdf/calibre-cold-iron-stars.pdf',
	])
		copyFileSync(join(fixtures, file), join(shelf, file.split('/')[1]!));
	const entries = libraryEntries([], [shelf]);
	assert.deepEqual(entries.map((entry) => entry.path.split('/').at(-1)).sort(), [
		'calibre-cold-iron-stars.pdf',
		'cold-iron-stars.azw3',
		'cold-iron-stars.fb2',
		'cold-iron-stars.fb2.zip',
		'cold-iron-stars.mobi',
	]);
	for (const entry of entries.filter((entry) => !entry.path.endsWith('.pdf')))
		assert.equal(entry.title, 'Cold Iron Stars', entry.path);
	rmSync(shelf, {recursive: true, force: true});
});
