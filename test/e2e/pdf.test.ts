// A PDF in the real terminal: it opens on its text, moves by chapter and scene, and writes no
// warning of pdf.js over the screen.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {projectRoot, Terminal} from './terminal.ts';

const pdf = join(projectRoot, 'test/fixtures/pdf/ao3-cold-iron-stars.pdf');

test('a PDF opens on its text; } and ] move by chapter and scene', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	const stderr = join(terminal.home, 'stderr.txt');
	terminal.start([pdf], {columns: 90, rows: 24, stderr});
	await terminal.waitForText('by deckhand, starwright', 30_000);
	terminal.press('}');
	await terminal.waitFor(
		(rows) => rows[0]!.includes('Chapter 1: Departure'),
		'the first chapter at the top',
	);
	terminal.press('}');
	await terminal.waitFor((rows) => rows[0]!.includes('Chapter 2'), 'the second chapter at the top');
	terminal.press(']');
	await terminal.waitFor(
		(rows) => rows[0]!.includes('“We could turn back,” Pell said.'),
		'the second scene at the top',
	);
	terminal.press('q');
	await terminal.waitForText('exited 0');
	// Only the terminal's own codes (the cursor shown again) go to stderr, no words.
	assert.equal(readFileSync(stderr, 'utf8').replaceAll(/\u001B\[[?\d;]*[A-Za-z]/g, ''), '');
});
