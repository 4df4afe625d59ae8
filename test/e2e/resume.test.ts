import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {projectRoot, Terminal} from './terminal.ts';

const lighthouse = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');
const fieldGuide = join(projectRoot, 'works/a-field-guide-to-small-hours.txt');
const sceneOpening = 'The boat came in on the back of the third squall';

function savedBlocks(home: string): number[] {
	const path = join(home, 'state.json');
	if (!existsSync(path)) return [];
	try {
		const state = JSON.parse(readFileSync(path, 'utf8')) as Record<
			string,
			{anchor?: {block: number}}
		>;
		return Object.values(state).flatMap((entry) => (entry.anchor ? [entry.anchor.block] : []));
	} catch {
		return [];
	}
}

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** Opens the lighthouse sample and goes to chapter 1's second scene. */
async function readToScene(terminal: Terminal, columns = 100): Promise<void> {
	terminal.start([lighthouse], {columns, rows: 30});
	await terminal.waitForText('Tags: hidden');
	terminal.press('}', ']');
	await terminal.waitFor((rows) => rows[0]!.includes(sceneOpening), 'the second scene at the top');
}

/** Reads a copy of the lighthouse sample at `copy` to chapter 1's second scene, quits; its text. */
async function readCopyToScene(terminal: Terminal, copy: string): Promise<string> {
	const original = readFileSync(lighthouse, 'utf8');
	writeFileSync(copy, original);
	terminal.start([copy], {columns: 100, rows: 30});
	await terminal.waitForText('Tags: hidden');
	terminal.press('}', ']');
	await terminal.waitFor((rows) => rows[0]!.includes(sceneOpening), 'the second scene');
	terminal.press('q');
	await terminal.waitForText('exited 0');
	return original;
}

async function reopenAt(home: string, columns: number): Promise<string[]> {
	const terminal = new Terminal(home);
	try {
		terminal.start([lighthouse], {columns, rows: 30});
		return await terminal.waitFor(
			(rows) => rows.at(-1)!.includes('Resumed at'),
			'the resumed message',
		);
	} finally {
		await terminal.close(false);
	}
}

test('quit, reopen at another width: the same paragraph is at the top', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	await readToScene(terminal);
	terminal.press('q');
	await terminal.waitForText('exited 0');
	const screen = await reopenAt(terminal.home, 64);
	assert.match(screen[0]!, /The boat came in on the back of the third/);
	assert.match(screen.at(-1)!, /Resumed at Chapter 1: The Reef · scene 2/);
	assert.ok(screen.every((row) => row.length <= 64));
});

test('resumed at the end: the status says 100% once, not a second share beside it', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([lighthouse], {columns: 100, rows: 30});
	await terminal.waitForText('Tags: hidden');
	terminal.press('G');
	await terminal.waitFor((rows) => /100%\s*$/.test(rows.at(-1)!), 'the end');
	terminal.press('q');
	await terminal.waitForText('exited 0');
	const status = (await reopenAt(terminal.home, 100)).at(-1)!;
	assert.match(status, /100%\s*$/);
	assert.equal(status.match(/%/g)?.length, 1, status);
});

test('kill -9 a second after moving loses nothing', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	await readToScene(terminal);
	await until(() => savedBlocks(terminal.home).length === 1, 'the move saved', 1000);
	const pid = terminal.readerPid();
	assert.ok(pid, 'ficterm is running');
	process.kill(pid, 'SIGKILL');
	await terminal.waitForText('exited 137');
	const screen = await reopenAt(terminal.home, 80);
	assert.match(screen[0]!, /The boat came in on the back of the third/);
});

test('closing the terminal (SIGHUP) saves at once', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	await readToScene(terminal);
	terminal.press('j');
	const pid = terminal.readerPid()!;
	process.kill(pid, 'SIGHUP');
	await terminal.waitForText('exited 129');
	const screen = await reopenAt(terminal.home, 100);
	assert.match(screen[0]!, /yellow spark|lantern first/);
});

test('a terminal that goes away: the place is saved and nothing is said, every time', async () => {
	for (let trial = 0; trial < 5; trial++) {
		const terminal = new Terminal();
		const stderr = join(terminal.home, 'stderr.txt');
		try {
			terminal.start([lighthouse], {columns: 100, rows: 30, stderr});
			await terminal.waitForText('Tags: hidden');
			terminal.press('}');
			await terminal.waitFor((rows) => rows[0]!.includes('Chapter 1'), 'chapter 1');
			// Closing the terminal: the reader gets SIGHUP and its writes fail with EIO.
			await terminal.close(false);
			// Ink's cursor restorer shows the cursor on standard error at exit; nothing else may be said.
			const said = readFileSync(stderr, 'utf8').replaceAll('\u001B[?25h', '');
			assert.equal(said, '', `trial ${trial}`);
			assert.equal(savedBlocks(terminal.home).length, 1, `trial ${trial}`);
		} finally {
			rmSync(terminal.home, {recursive: true, force: true});
		}
	}
});

test('two readers at once keep both positions', async (t) => {
	const first = new Terminal();
	const second = new Terminal(first.home);
	t.after(async () => {
		await second.close(false);
		await first.close();
	});
	await readToScene(first);
	second.start([fieldGuide], {columns: 90, rows: 20});
	await second.waitForText('A Field Guide');
	second.press('G');
	await second.waitFor((rows) => /100%/.test(rows.at(-1)!), 'the end of the field guide');
	first.press('j');
	second.press('k');
	const secondTop = (await second.waitFor((rows) => !/100%/.test(rows.at(-1)!), 'a line up'))[0]!;
	first.press('q');
	second.press('q');
	await first.waitForText('exited 0');
	await second.waitForText('exited 0');
	assert.equal(savedBlocks(first.home).length, 2);
	const again = new Terminal(first.home);
	try {
		again.start([fieldGuide], {columns: 90, rows: 20});
		const screen = await again.waitFor(
			(rows) => rows.at(-1)!.includes('Resumed at'),
			'the field guide resumed',
		);
		assert.equal(screen[0], secondTop);
	} finally {
		await again.close(false);
	}

	assert.match((await reopenAt(first.home, 100))[0]!, /yellow spark|lantern first/);
});

test('a corrupt store is kept aside, reported, and reading goes on', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	writeFileSync(join(terminal.home, 'state.json'), '{"work sha256:x": {"anchor": ');
	terminal.start([lighthouse], {columns: 100, rows: 30});
	await terminal.waitForText('Tags: hidden');
	terminal.press('q');
	const screen = await terminal.waitForText('exited 0');
	assert.match(
		screen.join(''),
		/ficterm: warning: the saved state could not be read; it was kept as .*state\.json\.corrupt-/,
	);
	const aside = readdirSync(terminal.home).find((name) => name.startsWith('state.json.corrupt-'))!;
	assert.equal(readFileSync(join(terminal.home, aside), 'utf8'), '{"work sha256:x": {"anchor": ');
});

test('--from-start opens at the beginning and keeps the saved place until a move', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	await readToScene(terminal);
	terminal.press('q');
	await terminal.waitForText('exited 0');
	const before = readFileSync(join(terminal.home, 'state.json'), 'utf8');
	const fresh = new Terminal(terminal.home);
	try {
		fresh.start(['--from-start', lighthouse], {columns: 100, rows: 30});
		await fresh.waitForText('Opened at the start');
		fresh.press('q');
		await fresh.waitForText('exited 0');
	} finally {
		await fresh.close(false);
	}

	assert.equal(readFileSync(join(terminal.home, 'state.json'), 'utf8'), before);
});

test('a work in progress that gained a chapter resumes in place and says so', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	const copy = join(terminal.home, 'wip.txt');
	const original = await readCopyToScene(terminal, copy);
	const grown = original.replace(
		'Notes:\n\nThank you for reading',
		'Chapter 4: Afterwards\n\nChapter Text\n\nThe tender came, and went away again without him.\n\nNotes:\n\nThank you for reading',
	);
	writeFileSync(copy, grown.replace('Words: 1,082 Chapters: 3/3', 'Words: 1,091 Chapters: 4/4'));
	const again = new Terminal(terminal.home);
	try {
		again.start([copy], {columns: 100, rows: 30});
		const screen = await again.waitFor(
			(rows) => rows.at(-1)!.includes('new chapter'),
			'the new-chapter message',
		);
		assert.match(screen[0]!, /The boat came in on the back of the third/);
		assert.match(screen.at(-1)!, /1 new chapter since you last read/);
		again.press('t');
		await again.waitForText(/Chapter 4: Afterwards.*· new/);
		// Quit without moving: the library learns the new counts, the place stays the same.
		again.press('Escape', 'q');
		await again.waitForText('exited 0');
	} finally {
		await again.close(false);
	}

	const state = JSON.parse(readFileSync(join(terminal.home, 'state.json'), 'utf8')) as Record<
		string,
		{chapters?: number; anchor?: {snippet: string}}
	>;
	const [entry] = Object.values(state).filter((value) => value.anchor);
	assert.equal(entry!.chapters, 4);
	assert.match(entry!.anchor!.snippet, /^The boat came in on the back of the third/);
});

test('a version with a typo fixed in its opening keeps the place and has one entry', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	const original = await readCopyToScene(terminal, join(terminal.home, 'lighthouse.txt'));
	const fixed = original.replace(
		'The wind came round to the north',
		'The wind came around to the north',
	);
	assert.notEqual(fixed, original);
	const redownloaded = join(terminal.home, 'lighthouse (1).txt');
	writeFileSync(redownloaded, fixed);
	const again = new Terminal(terminal.home);
	try {
		again.start([redownloaded], {columns: 100, rows: 30});
		const screen = await again.waitFor(
			(rows) => rows.at(-1)!.includes('Resumed at'),
			'the resumed message',
		);
		assert.match(screen[0]!, /The boat came in on the back of the third/);
		again.press('j');
		await again.waitFor((rows) => !rows.at(-1)!.includes('Resumed at'), 'a move');
		again.press('q');
		await again.waitForText('exited 0');
	} finally {
		await again.close(false);
	}

	const state = JSON.parse(readFileSync(join(terminal.home, 'state.json'), 'utf8')) as Record<
		string,
		{path?: string}
	>;
	const entries = Object.values(state).filter((entry) => entry.path !== undefined);
	assert.deepEqual(
		entries.map((entry) => entry.path),
		[redownloaded],
	);
});
