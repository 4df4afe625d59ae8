import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import type {AppAction} from '../source/reader/reducer.ts';
import {ReadingSession} from '../source/store/session.ts';
import {Store} from '../source/store/store.ts';
import type {LocalPlace, RemotePlace, SyncEngine} from '../source/sync/engine.ts';
import {actionRelay, pullEveryMs, pushDelayMs, SyncRunner} from '../source/sync-runner.ts';
import {TestClock} from './helpers/clock.ts';
import {generatedText, workOf} from './helpers/works.ts';

const home = mkdtempSync(join(tmpdir(), 'ficterm-runner-'));
after(() => rmSync(home, {recursive: true, force: true}));
const work = workOf(generatedText(6));
let homes = 0;

/** An engine that answers with what the test gives it and records what it is sent. */
class FakeEngine implements SyncEngine {
	readonly name = 'fake';
	places: RemotePlace[] = [];
	pushed: LocalPlace[] = [];
	pulls = 0;
	told: string[] = [];
	hang = false;

	async pull(): Promise<RemotePlace[]> {
		this.pulls++;
		return this.places;
	}

	async push(_synced: unknown, place: LocalPlace): Promise<void> {
		this.pushed.push(place);
		if (this.hang) await new Promise(() => {});
	}

	problems(): string[] {
		const told = this.told;
		this.told = [];
		return told;
	}
}

function setUp(savedAt?: string) {
	const clock = new TestClock();
	const store = new Store(join(home, String(homes++)));
	if (savedAt) {
		const before = new ReadingSession(
			store,
			work,
			'/w.txt',
			{block: 0, offset: 0},
			{
				...clock,
				now: () => new Date(savedAt),
			},
		);
		before.moved({block: 3, offset: 0});
		before.flush();
	}

	const session = new ReadingSession(store, work, '/w.txt', {block: 3, offset: 0}, clock);
	const engine = new FakeEngine();
	const actions: AppAction[] = [];
	const runner = new SyncRunner({
		engines: [engine],
		synced: {work, path: '/w.txt'},
		session,
		clock,
		anchor: {block: 3, offset: 0},
		dispatch: (action) => actions.push(action),
	});
	return {clock, store, session, engine, actions, runner};
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

const place = (block: number, updatedAt: string, device = 'laptop'): RemotePlace => ({
	device,
	updatedAt,
	anchor: {block, offset: 0},
	exact: true,
});

test('a newer place from another device moves the reader, saying where from and how to go back', async () => {
	const {engine, actions, runner} = setUp('2026-01-01T09:00:00Z');
	engine.places = [place(20, '2026-01-01T10:00:00Z')];
	runner.start();
	await settle();
	assert.deepEqual(actions, [
		{
			type: 'jump',
			anchor: {block: 20, offset: 0},
			message: "Moved to where you stopped on laptop, 2 h ago — '' goes back",
		},
	]);
	await runner.stop();
});

test('a place only known roughly (a share, a changed text) says it moved near there', async () => {
	const {engine, actions, runner} = setUp('2026-01-01T09:00:00Z');
	engine.places = [{...place(20, '2026-01-01T11:59:30Z', 'KOReader'), exact: false}];
	runner.start();
	await settle();
	assert.equal(
		(actions[0] as {message: string}).message,
		"Moved near where you stopped on KOReader, just now — '' goes back",
	);
	await runner.stop();
});

test('an older place is ignored, and a place followed once is not followed again', async () => {
	const {clock, engine, actions, runner} = setUp('2026-01-01T11:00:00Z');
	engine.places = [place(20, '2026-01-01T10:00:00Z')];
	runner.start();
	await settle();
	assert.deepEqual(actions, []);
	engine.places = [place(25, '2026-01-01T11:30:00Z')];
	clock.advance(pullEveryMs);
	await settle();
	assert.equal(engine.pulls, 2);
	assert.equal(actions.length, 1);
	runner.moved({block: 25, offset: 0});
	clock.advance(pullEveryMs);
	await settle();
	assert.equal(engine.pulls, 3);
	assert.equal(actions.length, 1);
	await runner.stop();
});

test('a device whose clock runs ahead is followed once, and does not hide the others', async () => {
	const {clock, engine, actions, runner} = setUp('2026-01-01T09:00:00Z');
	engine.places = [place(20, '2030-01-01T00:00:00Z', 'ahead')];
	runner.start();
	await settle();
	assert.equal(actions.length, 1);
	runner.moved({block: 20, offset: 0});
	clock.advance(pullEveryMs);
	await settle();
	// The reader went back meanwhile: the same place is not followed again.
	runner.moved({block: 4, offset: 0});
	clock.advance(pullEveryMs);
	await settle();
	assert.equal(actions.length, 1);
	engine.places = [place(20, '2030-01-01T00:00:00Z', 'ahead'), place(30, '2026-01-01T12:05:00Z')];
	clock.advance(pullEveryMs);
	await settle();
	assert.equal(actions.length, 2);
	assert.deepEqual((actions[1] as {anchor: unknown}).anchor, {block: 30, offset: 0});
	await runner.stop();
});

test("a device's place is not followed when the reader is already there", async () => {
	const {engine, actions, runner} = setUp('2026-01-01T09:00:00Z');
	engine.places = [place(3, '2026-01-01T10:00:00Z')];
	runner.start();
	await settle();
	assert.deepEqual(actions, []);
	await runner.stop();
});

test('this device pushes its saved place once the moves stop, and at quit', async () => {
	const {clock, session, engine, runner} = setUp();
	session.moved({block: 7, offset: 0});
	runner.moved({block: 7, offset: 0});
	clock.advance(500);
	session.moved({block: 9, offset: 0});
	runner.moved({block: 9, offset: 0});
	clock.advance(pushDelayMs - 1);
	assert.equal(engine.pushed.length, 0);
	clock.advance(1);
	await settle();
	assert.deepEqual(
		engine.pushed.map((pushed) => pushed.anchor.block),
		[9],
	);
	assert.equal(engine.pushed[0]!.updatedAt, session.saved()!.readAt);
	// Nothing new saved: nothing pushed.
	runner.moved();
	clock.advance(pushDelayMs);
	await settle();
	assert.equal(engine.pushed.length, 1);
	session.moved({block: 11, offset: 0});
	session.flush();
	await runner.stop();
	assert.deepEqual(
		engine.pushed.map((pushed) => pushed.anchor.block),
		[9, 11],
	);
});

test('the place saved before opening is published once when sync starts, with its own date', async () => {
	const {engine, runner} = setUp('2026-01-01T09:00:00Z');
	runner.start();
	await settle();
	assert.deepEqual(
		engine.pushed.map((pushed) => [pushed.anchor.block, pushed.updatedAt]),
		[[3, '2026-01-01T09:00:00.000Z']],
	);
	await runner.stop();
	assert.equal(engine.pushed.length, 1, 'nothing new to push at quit');
});

test('quitting waits at most a moment for an engine that does not answer', async () => {
	const {session, engine, runner} = setUp();
	engine.hang = true;
	session.moved({block: 7, offset: 0});
	session.flush();
	const started = Date.now();
	await runner.stop();
	assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
	assert.equal(engine.pushed.length, 1);
});

test("problems are shown in the status line, named by the engine; other devices' bookmarks merge", async () => {
	const {engine, actions, runner, session} = setUp('2026-01-01T11:00:00Z');
	engine.told = ['the sync folder /x is missing', 'another'];
	const text = work.blocks[10]!.text;
	engine.places = [
		{
			...place(20, '2026-01-01T10:00:00Z'),
			bookmarks: [
				{
					block: 10,
					offset: 0,
					snippet: text.slice(0, 48),
					opening: text.slice(0, 32),
					chapter: 0,
					label: 'from the laptop',
					createdAt: '2026-01-01T10:00:00Z',
				},
			],
		},
	];
	runner.start();
	await settle();
	assert.deepEqual(actions, [
		{type: 'message', text: 'fake: the sync folder /x is missing (and 1 more)'},
		{type: 'bookmarks-synced', marks: [{anchor: {block: 10, offset: 0}, label: 'from the laptop'}]},
	]);
	assert.equal(session.bookmarkState().bookmarks.length, 1);
	await runner.stop();
});

test('a place an engine got wrong is told, never thrown at the reader', async () => {
	const {engine, actions, runner} = setUp('2026-01-01T09:00:00Z');
	engine.places = [{...place(20, '2026-01-01T10:00:00Z'), bookmarks: 'oops' as never}];
	runner.start();
	await settle();
	assert.equal(actions.length, 1);
	assert.match((actions[0] as {text: string}).text, /^sync: /);
	await runner.stop();
});

test('actions sent before the app listens wait for it', () => {
	const relay = actionRelay();
	relay.dispatch({type: 'message', text: 'early'});
	const got: AppAction[] = [];
	const stop = relay.events((action) => got.push(action));
	relay.dispatch({type: 'message', text: 'later'});
	stop();
	assert.deepEqual(
		got.map((action) => (action as {text: string}).text),
		['early', 'later'],
	);
});
