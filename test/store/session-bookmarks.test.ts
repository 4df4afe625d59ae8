import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {ReadingSession} from '../../source/store/session.ts';
import {Store} from '../../source/store/store.ts';
import {TestClock} from '../helpers/clock.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const home = mkdtempSync(join(tmpdir(), 'ficterm-session-'));
after(() => rmSync(home, {recursive: true, force: true}));
const work = workOf(generatedText(3));

test('a deleted bookmark is remembered with when, and the last save is known', () => {
	const store = new Store(join(home, 'one'));
	const clock = new TestClock();
	const session = new ReadingSession(store, work, '/w.txt', {block: 0, offset: 0}, clock);
	assert.equal(session.saved(), undefined);
	session.setMarks([
		{anchor: {block: 3, offset: 0}, label: 'three'},
		{anchor: {block: 6, offset: 0}, label: 'six'},
	]);
	clock.advance(60_000);
	session.setMarks([{anchor: {block: 6, offset: 0}, label: 'six'}]);
	session.flush();
	const saved = store.work(work.id)!;
	assert.deepEqual(saved.deletedBookmarks, [
		{label: 'three', deletedAt: '2026-01-01T12:01:00.000Z'},
	]);
	assert.deepEqual(
		saved.bookmarks.map((bookmark) => [bookmark.label, bookmark.createdAt]),
		[['six', '2026-01-01T12:00:00.000Z']],
	);
	assert.deepEqual(session.saved(), saved);
	// Read back by the next session, and made again: no longer deleted here.
	const next = new ReadingSession(store, work, '/w.txt', {block: 0, offset: 0}, clock);
	assert.equal(next.saved()?.readAt, saved.readAt);
	clock.advance(60_000);
	next.setMarks([
		{anchor: {block: 3, offset: 0}, label: 'three'},
		{anchor: {block: 6, offset: 0}, label: 'six'},
	]);
	next.flush();
	assert.equal(store.work(work.id)!.deletedBookmarks, undefined);
});

test('bookmarks merged from another device are saved and given to the reader', () => {
	const store = new Store(join(home, 'two'));
	const clock = new TestClock();
	const session = new ReadingSession(store, work, '/w.txt', {block: 2, offset: 0}, clock);
	const {block, offset} = {block: 7, offset: 0};
	const text = work.blocks[block]!.text;
	session.mergedBookmarks(
		[
			{
				block,
				offset,
				snippet: text.slice(0, 48),
				opening: text.slice(0, 32),
				chapter: 0,
				label: 'seven',
				createdAt: '2025-12-31T00:00:00.000Z',
			},
		],
		[{label: 'gone', deletedAt: '2025-12-31T00:00:00.000Z'}],
	);
	assert.deepEqual(session.marks(), [{anchor: {block: 7, offset: 0}, label: 'seven'}]);
	session.flush();
	const saved = store.work(work.id)!;
	assert.equal(saved.bookmarks[0]!.createdAt, '2025-12-31T00:00:00.000Z');
	assert.equal(saved.deletedBookmarks?.[0]?.label, 'gone');
	assert.deepEqual(saved.anchor.block, 2);
});
