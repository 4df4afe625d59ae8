import assert from 'node:assert/strict';
import {test} from 'node:test';
import {join} from 'node:path';
import {helpLines} from '../../source/reader/overlay-lines.ts';
import {projectRoot, Terminal} from './terminal.ts';

const sample = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');

test('at 60x20 the help scrolls to its last key; j under it moves nothing; q closes, q quits', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([sample], {columns: 60, rows: 20});
	const first = await terminal.waitFor((rows) => /\d+%\s*$/.test(rows.at(-1)!), 'the status bar');
	terminal.press('?');
	await terminal.waitForText('Keys · 1-');
	terminal.press('G');
	const lines = helpLines(60);
	const bottom = await terminal.waitForText(lines.at(-1)!.text);
	assert.match(bottom.join('\n'), new RegExp(`of ${lines.length}`));
	// The last key's row is in view, its words whole.
	assert.match(
		bottom.join('\n'),
		/Ctrl\+C +quit, even from a work opened in +│\n│ +the library +│/,
	);
	terminal.press('j', 'j', 'Space');
	terminal.press('q');
	const closed = await terminal.waitFor((rows) => !rows.join('\n').includes('Keys'), 'help closed');
	// The keys pressed in the help did not move the text under it.
	assert.deepEqual(closed, first);
	terminal.press('q');
	await terminal.waitForText('exited 0');
});

test('Ctrl+C in a work opened from the library quits the program', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([], {columns: 100, rows: 16});
	await terminal.waitForText('ficterm · 2 works');
	terminal.press('Enter');
	await terminal.waitFor((rows) => /\d+%\s*$/.test(rows.at(-1)!), 'the work');
	terminal.press('C-c');
	const screen = await terminal.waitForText(/exited \d+/);
	assert.match(screen.join('\n'), /exited 130/);
	assert.doesNotMatch(screen.join('\n'), /ficterm · 2 works/);
});
