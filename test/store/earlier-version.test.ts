import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {isEarlierVersion, savedFor} from '../../source/store/earlier-version.ts';
import {ReadingSession} from '../../source/store/session.ts';
import {Store, type SavedWork} from '../../source/store/store.ts';
import type {Work} from '../../source/work/types.ts';
import {TestClock} from '../helpers/clock.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const home = mkdtempSync(join(tmpdir(), 'ficterm-earlier-'));
after(() => rmSync(home, {recursive: true, force: true}));

function titled(text: string, title: string, authors: string[]): Work {
	const work = workOf(text);
	work.meta.title = title;
	work.meta.authors = authors;
	return work;
}

const original = titled(generatedText(4), 'Salt and Lamplight', ['Wren Ashdown']);
// A typo fixed in the opening changes the opening words, and so the id.
const fixed = titled(
	generatedText(5).replace('C1S1P1. The rain had', 'C1S1P1. The rains had'),
	'Salt  and Lamplight',
	['wren ashdown'],
);

function entryOf(work: Work, changes: Partial<SavedWork> = {}): SavedWork {
	return {
		id: work.id,
		title: work.meta.title,
		authors: work.meta.authors,
		path: '/downloads/salt.txt',
		format: work.format,
		anchor: {block: 9, offset: 0, snippet: 'C2S1P1', opening: 'C2S1P1', chapter: 1},
		fraction: 0.3,
		chapters: work.chapters.length,
		words: 100,
		readAt: '2026-05-01T10:00:00.000Z',
		bookmarks: [],
		...changes,
	};
}

test('a fixed typo in the opening gives another id, and the same title by the same authors is that work', () => {
	assert.notEqual(fixed.id, original.id);
	assert.ok(isEarlierVersion(entryOf(original), fixed, '/elsewhere/salt (1).txt'));
	assert.ok(!isEarlierVersion(entryOf(fixed), fixed, '/downloads/salt.txt'), 'its own entry');
	assert.ok(!isEarlierVersion(entryOf(original, {title: 'Salt and Starlight'}), fixed, '/x'));
	assert.ok(!isEarlierVersion(entryOf(original, {authors: ['Someone Else']}), fixed, '/x'));
	assert.ok(
		!isEarlierVersion(entryOf(original, {id: 'ao3:1'}), {...fixed, id: 'ao3:2'}, '/x'),
		'two AO3 works',
	);
});

test('a work that names no author is an earlier version only at the same path', () => {
	const unsigned: Work = {...fixed, meta: {...fixed.meta, title: 'Notes', authors: []}};
	const entry = entryOf(original, {title: 'Notes', authors: []});
	assert.ok(isEarlierVersion(entry, unsigned, '/downloads/salt.txt'));
	assert.ok(!isEarlierVersion(entry, unsigned, '/downloads/other.txt'));
	assert.ok(
		!isEarlierVersion(entryOf(original, {title: ''}), titled('x', '', []), '/downloads/salt.txt'),
	);
});

test("the entry under the work's own id comes first, else the earlier version read last", () => {
	const store = new Store(join(home, 'lookup'));
	assert.equal(savedFor(store, fixed, '/x'), undefined);
	store.saveWork(entryOf(original, {id: 'sha256:older', readAt: '2026-04-01T10:00:00.000Z'}));
	store.saveWork(entryOf(original));
	store.saveWork(entryOf(original, {id: 'sha256:other', title: 'Another Work'}));
	assert.equal(savedFor(store, fixed, '/x')?.id, original.id);
	store.saveWork(entryOf(fixed, {readAt: '2026-01-01T10:00:00.000Z'}));
	assert.equal(savedFor(store, fixed, '/x')?.id, fixed.id);
});

test("a session takes an earlier version's place and bookmarks, and saves them in its stead", () => {
	const store = new Store(join(home, 'session'));
	const block = original.chapters[1]!.start;
	const text = original.blocks[block]!.text;
	const anchor = {
		block,
		offset: 0,
		snippet: text.slice(0, 48),
		opening: text.slice(0, 32),
		chapter: 1,
	};
	store.saveWork(
		entryOf(original, {
			anchor,
			bookmarks: [{...anchor, label: 'chapter two', createdAt: '2026-05-01T09:00:00.000Z'}],
		}),
	);
	const clock = new TestClock();
	const session = new ReadingSession(
		store,
		fixed,
		'/downloads/salt.txt',
		{block: 0, offset: 0},
		clock,
	);
	assert.equal(session.saved()?.id, original.id);
	assert.deepEqual(session.marks(), [
		{anchor: {block: fixed.chapters[1]!.start, offset: 0}, label: 'chapter two'},
	]);
	session.moved({block: fixed.chapters[1]!.start, offset: 0});
	session.flush();
	assert.equal(store.work(original.id), undefined, 'the earlier entry is gone');
	const saved = store.work(fixed.id)!;
	assert.equal(saved.chapters, 5);
	assert.deepEqual(
		saved.bookmarks.map((bookmark) => bookmark.label),
		['chapter two'],
	);
	assert.deepEqual(
		store.works().map((entry) => entry.id),
		[fixed.id],
	);
});
