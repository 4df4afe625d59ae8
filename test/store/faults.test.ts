// A store that cannot be written never stops the reader: the session says so once, tries again
// later, says when saving works again; a held lock never blocks; a store that turns corrupt is told.

import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import fs, {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, mock, test} from 'node:test';
import {ReadingSession} from '../../source/store/session.ts';
import {Store, StoreError} from '../../source/store/store.ts';
import {TestClock} from '../helpers/clock.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const folders: string[] = [];
const folder = () => {
	const path = mkdtempSync(join(tmpdir(), 'ficterm-faults-'));
	folders.push(path);
	return path;
};

after(() => {
	for (const path of folders) rmSync(path, {recursive: true, force: true});
});

const work = workOf(generatedText(3));

/** A session on `store` whose news is gathered, and a clock to move. */
function reading(store: Store) {
	const clock = new TestClock();
	const session = new ReadingSession(store, work, 'w.txt', {block: 0, offset: 0}, clock);
	const news: string[] = [];
	session.onSaveNews((message) => news.push(message));
	return {clock, session, news};
}

test('FICTERM_HOME naming a file: nothing throws, the session says why once and saves once it can', () => {
	const home = join(folder(), 'home');
	writeFileSync(home, 'not a folder');
	const warnings: string[] = [];
	const store = new Store(home, (warning) => warnings.push(warning));
	assert.equal(store.work(work.id), undefined);
	assert.deepEqual(store.works(), []);
	assert.match(warnings.join('\n'), /cannot be used: a file stands where its folder should be/);
	const {clock, session, news} = reading(store);
	session.moved({block: 4, offset: 0});
	clock.advance(500);
	session.moved({block: 5, offset: 0});
	clock.advance(5000);
	assert.deepEqual(news, [
		`Your place cannot be saved: a file stands where its folder should be (state.json); trying again`,
	]);
	assert.match(session.saveProblem()!, /a file stands/);
	rmSync(home);
	clock.advance(5000);
	assert.equal(news.at(-1), 'Your place is saved again');
	assert.equal(new Store(home).work(work.id)?.anchor.block, 5);
});

test('state.json replaced by a folder while reading: reads give nothing, saves fail, then recover', () => {
	const home = folder();
	const store = new Store(home, () => {});
	const {clock, session, news} = reading(store);
	session.moved({block: 2, offset: 0});
	clock.advance(500);
	assert.equal(store.work(work.id)?.anchor.block, 2);
	rmSync(join(home, 'state.json'));
	mkdirSync(join(home, 'state.json'));
	assert.equal(store.work(work.id), undefined);
	session.moved({block: 3, offset: 0});
	clock.advance(500);
	assert.match(news[0]!, /^Your place cannot be saved: a folder stands where its file should be/);
	rmSync(join(home, 'state.json'), {recursive: true});
	clock.advance(5000);
	assert.equal(news.at(-1), 'Your place is saved again');
	assert.equal(store.work(work.id)?.anchor.block, 3);
});

test('a FIFO where state.json should be never blocks: said once, and saving resumes once it is gone', () => {
	// Reading a FIFO with no writer waits for ever, and would hang this whole file: the store is
	// used in a child process with a time limit.
	const home = folder();
	execFileSync('mkfifo', [join(home, 'state.json')]);
	const child = spawnSync(
		process.execPath,
		['--import', 'tsx', new URL('fifo-store.child.ts', import.meta.url).pathname, home],
		{encoding: 'utf8', timeout: 15_000, killSignal: 'SIGKILL'},
	);
	assert.equal(child.signal, null, 'the store blocked on the FIFO');
	assert.equal(child.status, 0, child.stderr);
	assert.deepEqual(JSON.parse(child.stdout), {
		warning: `the saved state in ${join(home, 'state.json')} cannot be used: it is not a regular file (state.json)`,
		read: null,
		news: [
			'Your place cannot be saved: it is not a regular file (state.json); trying again',
			'Your place is saved again',
		],
		saved: 2,
	});
});

test('a lock path that is a folder: said once, the reader goes on', () => {
	const home = folder();
	mkdirSync(join(home, 'state.json.lock'));
	const {clock, session, news} = reading(new Store(home));
	session.moved({block: 1, offset: 0});
	clock.advance(500);
	clock.advance(5000);
	assert.equal(news.length, 1);
	assert.match(news[0]!, /its lock state\.json\.lock is not a file; trying again$/);
	assert.throws(() => new Store(home).forget(work.id), StoreError);
});

test('a full disk: the write fails with ENOSPC, the place is kept and saved when there is room', () => {
	const home = folder();
	const store = new Store(home);
	const {clock, session, news} = reading(store);
	// conf's writer holds its own references to fs; the lock file, created first, is where a full
	// disk is injected: creating a file on a full disk fails the same way.
	const open = fs.openSync;
	const full = mock.method(fs, 'openSync', (...args: Parameters<typeof fs.openSync>) => {
		if (String(args[0]).endsWith('.lock'))
			throw Object.assign(new Error('ENOSPC: no space left on device'), {code: 'ENOSPC'});
		return open(...args);
	});
	syncBuiltinESMExports();
	try {
		session.moved({block: 6, offset: 0});
		clock.advance(500);
	} finally {
		full.mock.restore();
		syncBuiltinESMExports();
	}

	assert.deepEqual(news, ['Your place cannot be saved: the disk is full; trying again']);
	clock.advance(5000);
	assert.equal(news.at(-1), 'Your place is saved again');
	assert.equal(store.work(work.id)?.anchor.block, 6);
});

test('a lock held by another (or a killed) process never blocks a save while reading', () => {
	const home = folder();
	const store = new Store(home);
	store.settings();
	const lock = join(home, 'state.json.lock');
	writeFileSync(lock, '');
	const {clock, session, news} = reading(store);
	session.moved({block: 7, offset: 0});
	const started = performance.now();
	clock.advance(500);
	assert.ok(performance.now() - started < 200, 'no wait for the lock');
	assert.equal(store.work(work.id), undefined, 'not saved past the lock');
	rmSync(lock);
	clock.advance(100);
	assert.equal(store.work(work.id)?.anchor.block, 7);
	assert.deepEqual(news, []);
});

test('a store that turns corrupt while reading is moved aside, and the reader is told', () => {
	const home = folder();
	const store = new Store(home);
	const told: string[] = [];
	store.tellWarningsTo((warning) => told.push(warning));
	const {clock, session} = reading(store);
	session.moved({block: 1, offset: 0});
	clock.advance(500);
	writeFileSync(join(home, 'state.json'), '{"work x": ');
	session.moved({block: 2, offset: 0});
	clock.advance(500);
	assert.equal(told.length, 1);
	assert.match(
		told[0]!,
		/could not be read; it was kept as .*state\.json\.corrupt-\d+ and a new one started/,
	);
	assert.equal(store.work(work.id)?.anchor.block, 2);
});
