import assert from 'node:assert/strict';
import {test} from 'node:test';
import {join} from 'node:path';
import {projectRoot, Terminal} from './terminal.ts';

const sample = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');
const statusLine = (screen: string[]) => screen.at(-1)!;

test('opens full-screen, pages with Space, G shows the last line, q leaves the terminal as it was', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([sample], {columns: 100, rows: 40});
	let screen = await terminal.waitForText("The Lighthouse Keeper's Daughter");
	await terminal.waitFor((rows) => /0%\s*$/.test(statusLine(rows)), 'the status bar');
	assert.equal(terminal.info('#{alternate_on}'), '1');
	screen = terminal.screen();
	assert.equal(screen.length, 40);

	terminal.press('Space');
	const paged = await terminal.waitFor((rows) => rows[0] !== screen[0], 'a page move');
	assert.equal(paged[0], screen[37], 'two lines of context: row 38 is now at the top');
	assert.equal(paged[1], screen[38]);

	terminal.press('G');
	const end = await terminal.waitFor((rows) => /100%\s*$/.test(statusLine(rows)), 'the end');
	assert.match(end.join('\n'), /Thank you for reading this sample/);
	assert.match(end[38]!, /search\.$/, 'the last line of the work is on the last text row');

	terminal.press('q');
	// The shell prints the terminal's modes just after the exit status: wait for both.
	const after = await terminal.waitForText(/exited 0\n\s*-?icanon/);
	assert.equal(terminal.info('#{alternate_on}'), '0');
	assert.equal(terminal.info('#{cursor_flag}'), '1');
	assert.match(after.join('\n'), /icanon echo/);
	assert.match(after[0]!, /before ficterm/);
});

test('a resize reflows at once and keeps the same paragraph at the top', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([sample], {columns: 100, rows: 30});
	await terminal.waitForText('Chapter 1: The Reef');
	terminal.press('}');
	await terminal.waitFor(
		(rows) => rows[0]!.includes('Chapter 1: The Reef'),
		'chapter 1 at the top',
	);
	terminal.press('j', 'j');
	const before = await terminal.waitFor(
		(rows) => rows[0]!.includes('The wind came round'),
		'the first paragraph',
	);
	terminal.resize(60, 30);
	const after = await terminal.waitFor(
		(rows) =>
			rows.length === 30 &&
			rows.every((row) => row.length <= 60) &&
			/The wind came round/.test(rows[0]!),
		'the reflowed text with the same paragraph at the top',
	);
	assert.notEqual(after[1]!.trim(), before[1]!.trim(), 'the paragraph was wrapped anew');
	assert.match(after.at(-1)!, /Chapter 1/, 'the status bar is redrawn at the new width');
});

test('errors are one line on stderr with a non-zero status', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start(['/no/such/work.txt'], {columns: 80, rows: 10});
	const screen = await terminal.waitForText(/exited 1/);
	assert.match(screen.join('\n'), /ficterm: no such file: \/no\/such\/work\.txt\nexited 1/);
});
