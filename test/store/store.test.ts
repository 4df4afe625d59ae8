import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {ReadingSession} from '../../source/store/session.ts';
import {Store} from '../../source/store/store.ts';
import {TestClock} from '../helpers/clock.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const folders: string[] = [];
const folder = () => {
	const path = mkdtempSync(join(tmpdir(), 'ficterm-store-'));
	folders.push(path);
	return path;
};

after(() => {
	for (const path of folders) rmSync(path, {recursive: true, force: true});
});

const work = workOf(generatedText(3));

test('a session saves the anchor with a snippet, and flush writes at once', () => {
	const store = new Store(folder());
	const session = new ReadingSession(
		store,
		work,
		'/books/story.txt',
		{block: 0, offset: 0},
		new TestClock(),
	);
	session.moved({block: 5, offset: 10});
	assert.equal(store.work(work.id), undefined, 'not before the delay');
	session.flush();
	const saved = store.work(work.id)!;
	assert.equal(saved.anchor.block, 5);
	assert.equal(saved.anchor.offset, 10);
	assert.equal(saved.anchor.snippet, work.blocks[5]!.text.slice(10, 58));
	assert.equal(saved.path, '/books/story.txt');
	assert.equal(saved.chapters, 3);
});

test('a session saves by itself half a second after a move, with the time it was read', () => {
	const store = new Store(folder());
	const clock = new TestClock();
	const session = new ReadingSession(store, work, 'x.txt', {block: 0, offset: 0}, clock);
	session.moved({block: 7, offset: 0});
	clock.advance(499);
	assert.equal(store.work(work.id), undefined, 'not before the delay');
	clock.advance(1);
	assert.equal(store.work(work.id)?.anchor.block, 7);
	assert.equal(store.work(work.id)?.readAt, '2026-01-01T12:00:00.500Z');
});

test('two stores on one folder keep each other’s works', () => {
	const path = folder();
	const first = new Store(path);
	const second = new Store(path);
	const other = workOf('A different story altogether, with other words.');
	new ReadingSession(first, work, 'a.txt', {block: 0, offset: 0}, new TestClock()).moved({
		block: 3,
		offset: 0,
	});
	const sessionA = new ReadingSession(first, work, 'a.txt', {block: 0, offset: 0}, new TestClock());
	const sessionB = new ReadingSession(
		second,
		other,
		'b.txt',
		{block: 0, offset: 0},
		new TestClock(),
	);
	sessionA.moved({block: 4, offset: 0});
	sessionB.moved({block: 0, offset: 5});
	sessionA.flush();
	sessionB.flush();
	const fresh = new Store(path);
	assert.equal(fresh.work(work.id)?.anchor.block, 4);
	assert.equal(fresh.work(other.id)?.anchor.offset, 5);
});

test('a corrupt store is kept aside with a warning, never silently emptied', () => {
	const path = folder();
	writeFileSync(join(path, 'state.json'), '{"work x": {"broken');
	const store = new Store(path);
	assert.equal(store.warnings.length, 1);
	assert.match(store.warnings[0]!, /kept as .*state\.json\.corrupt-\d+/);
	const aside = readdirSync(path).find((name) => name.startsWith('state.json.corrupt-'))!;
	assert.equal(readFileSync(join(path, aside), 'utf8'), '{"work x": {"broken');
	store.saveSettings({maxWidth: 70});
	assert.equal(new Store(path).settings().maxWidth, 70);
});

test('forget removes a work; settings are kept apart from works', () => {
	const store = new Store(folder());
	const session = new ReadingSession(store, work, 'a.txt', {block: 0, offset: 0}, new TestClock());
	session.moved({block: 1, offset: 0});
	session.flush();
	store.saveSettings({maxWidth: 66});
	assert.equal(store.works().length, 1);
	assert.equal(store.forget(work.id), true);
	assert.equal(store.forget(work.id), false);
	assert.equal(store.works().length, 0);
	assert.equal(store.settings().maxWidth, 66);
});

test('a place saved from a preview counts no chapters, and the whole work saves its own', () => {
	const store = new Store(folder());
	const preview = {...work, partial: true, chapters: work.chapters.slice(0, 1)};
	const session = new ReadingSession(
		store,
		preview,
		'x.txt',
		{block: 0, offset: 0},
		new TestClock(),
	);
	session.moved({block: 2, offset: 0});
	session.flush();
	assert.equal(store.work(work.id)!.chapters, 0, 'a preview does not know the chapters');
	assert.equal(store.work(work.id)!.anchor.block, 2);
	session.setWork(work);
	session.flush();
	assert.equal(store.work(work.id)!.chapters, 3, 'saved again once the whole work is read');
});
