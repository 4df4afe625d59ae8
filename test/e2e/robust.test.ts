import assert from 'node:assert/strict';
import {existsSync, mkdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {cpuSeconds, writeSlowWork} from '../helpers/slow-work.ts';
import {projectRoot, Terminal} from './terminal.ts';

const sample = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');

test('escape sequences planted in a work leave the window title and the screen alone', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	const path = join(terminal.home, 'hostile.txt');
	const planted = [
		'Title Line\u001B]2;PWNED-TITLE\u0007',
		'',
		'Chapter 1',
		'',
		'Before\u001B[2J\u001B[H\u001B[31m the clear \u001B]0;PWNED-AGAIN\u001B\\ after \u001B]52;c;cHduZWQ=\u0007 and \u001B[?1049l\u001B[?25l done \u009B2J.',
		'',
		'A link \u001B]8;;https://example.org\u001B\\here\u001B]8;;\u001B\\ and a bell\u0007 and more text.',
	].join('\n');
	writeFileSync(path, planted);
	terminal.start([path], {columns: 80, rows: 20});
	const titleBefore = terminal.info('#{pane_title}');
	const screen = await terminal.waitForText('Before the clear');
	assert.equal(terminal.info('#{pane_title}'), titleBefore);
	assert.doesNotMatch(terminal.info('#{pane_title}'), /PWNED/);
	assert.doesNotMatch(screen.join('\n'), /PWNED|\u001B/);
	assert.match(screen.join('\n'), /Before the clear after and done \./);
	assert.match(screen.join('\n'), /A link here and a bell and more text\./);
	assert.equal(terminal.info('#{alternate_on}'), '1', 'still on the alternate screen');
	assert.equal(
		terminal.info('#{cursor_flag}'),
		'0',
		'the reader keeps the cursor hidden while reading',
	);
	terminal.press('q');
	await terminal.waitForText('exited 0');
	assert.equal(terminal.info('#{cursor_flag}'), '1');
});

test('tiny terminals: 20x5, one column, one row and back, all without a crash', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([sample], {columns: 20, rows: 5});
	const small = await terminal.waitFor(
		(rows) => rows.length === 5 && /%/.test(rows.at(-1)!),
		'a 20x5 screen',
	);
	assert.ok(small.every((row) => row.length <= 20));
	terminal.press('}', ' ', 'j');
	await terminal.waitFor(
		(rows) => rows.join('\n') !== small.join('\n') && /%/.test(rows.at(-1)!),
		'a move',
	);
	terminal.resize(1, 5);
	await terminal.waitFor((rows) => rows.some((row) => row.trim().length === 1), 'one column');
	terminal.resize(20, 1);
	await terminal.waitFor(
		(rows) => rows.length === 1 && rows[0]!.trim().length > 0,
		'one row of text',
	);
	terminal.resize(60, 12);
	const back = await terminal.waitFor(
		(rows) => rows.length === 12 && /%/.test(rows.at(-1)!),
		'the normal screen again',
	);
	assert.match(back.join('\n'), /Chapter 1: The Reef|wind|Maren/);
	terminal.press('q');
	await terminal.waitForText('exited 0');
});

test('TERM=dumb prints the work instead of drawing a screen', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([join(projectRoot, 'works/a-field-guide-to-small-hours.txt')], {
		columns: 70,
		rows: 20,
		env: {TERM: 'dumb'},
	});
	const screen = await terminal.waitForText('exited 0');
	assert.match(screen.join('\n'), /nobody needs\s+anything\s+from\s+you\s+at\s+all\./);
	assert.equal(terminal.info('#{alternate_on}'), '0');
});

test('input that is not a terminal: print mode, never a raw-mode error', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start(['--width', '50', join(projectRoot, 'works/a-field-guide-to-small-hours.txt')], {
		columns: 70,
		rows: 40,
		stdin: '/dev/null',
	});
	const screen = await terminal.waitForText('exited 0');
	assert.doesNotMatch(screen.join('\n'), /raw mode|Error/i);
	assert.match(screen.join('\n'), /Written for ficterm as a sample work; free to\s+share\./);
});

test('SIGTERM ends the reader within a second while it parses a work on its main thread', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	// Under the 2 MB that opens from a preview, so the whole work is parsed before the first screen.
	const path = writeSlowWork(terminal.home, 190_000);
	terminal.start([path], {columns: 80, rows: 20});
	let pid: number | undefined;
	while (!(pid = terminal.readerPid()) || cpuSeconds(pid) < 0.8) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}

	const sent = Date.now();
	process.kill(pid, 'SIGTERM');
	// The process itself, not the screen: capturing a pane takes its own time on a busy machine.
	while (running(pid) && Date.now() - sent < 5000) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}

	assert.ok(Date.now() - sent < 1000, `ended ${Date.now() - sent} ms after the signal`);
	await terminal.waitForText('exited 143', 5000);
});

test('a file named with an escape sequence leaves the title alone in the library and the reader', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	const folder = join(terminal.home, 'works');
	mkdirSync(folder);
	writeFileSync(
		join(folder, '\u001B]0;PWNED\u0007.txt'),
		'Chapter 1\n\nA work whose name would set the title.\n',
	);
	terminal.start(['--dir', folder], {columns: 100, rows: 20});
	const titleBefore = terminal.info('#{pane_title}');
	const library = await terminal.waitForText('.txt');
	assert.doesNotMatch(library.join('\n'), /PWNED/);
	terminal.press('j', 'j', 'Enter');
	const reader = await terminal.waitForText('whose name would set the title');
	assert.doesNotMatch(reader.join('\n'), /PWNED/);
	assert.equal(terminal.info('#{pane_title}'), titleBefore);
	terminal.press('q');
	await terminal.waitForText('.txt');
	terminal.press('q');
	await terminal.waitForText('exited 0');
	assert.equal(terminal.info('#{pane_title}'), titleBefore);
});

test('the library answers at once with a 40 MB file in its folder', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	const folder = join(terminal.home, 'works');
	mkdirSync(folder);
	writeFileSync(
		join(folder, 'huge.html'),
		`<html><head><title>Huge</title></head><body>${'<p>word '.repeat(5_000_000)}</body></html>`,
	);
	terminal.start(['--dir', folder], {columns: 100, rows: 20});
	await terminal.waitForText(/Huge.*unread/, 10_000);
	terminal.press('q');
	await terminal.waitForText('exited 0');
});

test('a state folder that cannot be written: the reader reads on and says so in the status line', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	const home = join(terminal.home, 'home-is-a-file');
	writeFileSync(home, '');
	terminal.start([sample], {columns: 100, rows: 20, env: {FICTERM_HOME: home}});
	await terminal.waitForText('%');
	terminal.press('}');
	await terminal.waitForText('Your place cannot be saved: a file stands where its folder');
	terminal.press(' ');
	await terminal.waitFor((rows) => /%/.test(rows.at(-1)!), 'still reading');
	terminal.press('q');
	const end = await terminal.waitForText('exited 0');
	assert.match(end.join('\n'), /ficterm: your place could not be saved: a file stands/);
});

test('state.json replaced by a folder while reading: said once, and said again when saving works', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([sample], {columns: 100, rows: 20});
	await terminal.waitForText('%');
	const state = join(terminal.home, 'state.json');
	terminal.press('}');
	await terminal.waitFor(() => existsSync(state), 'the first save');
	rmSync(state);
	mkdirSync(state);
	terminal.press(']');
	await terminal.waitForText('Your place cannot be saved: a folder stands where its file');
	rmSync(state, {recursive: true});
	await terminal.waitForText('Your place is saved again');
	terminal.press('q');
	await terminal.waitForText('exited 0');
	assert.ok(statSync(state).isFile());
});

function running(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
