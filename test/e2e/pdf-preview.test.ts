// A long PDF in the real terminal: its first pages show before pdf.js has read the rest, and a
// place saved half-way is found again once the whole work is in.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {generatedFile} from '../bench/generate.ts';
import {Terminal} from './terminal.ts';

const status = (screen: string[]) => screen.at(-1)!;
const wholeRead = (screen: string[]) => /\d+%\s*$/.test(status(screen));

test('a long PDF shows its first screen before the whole is read, and resumes at 50%', async (t) => {
	const first = new Terminal();
	t.after(() => first.close());
	const path = join(first.home, 'long.pdf');
	writeFileSync(path, generatedFile('pdf', 300_000, {frontMatter: true}).bytes);
	first.start([path], {columns: 90, rows: 24});
	// The one capture that shows text while the status still says the rest is being read.
	await first.waitFor(
		(screen) =>
			screen.slice(0, -1).join('').includes('Cover of') && /reading…\s*$/.test(status(screen)),
		'the opening shown while the rest is read',
		30_000,
		{settled: false},
	);
	const opening = await first.waitFor(wholeRead, 'the whole work read', 60_000);
	first.type('50%');
	const left = await first.waitFor(
		(screen) => screen[0] !== opening[0] && /\b(49|50)%\s*$/.test(status(screen)),
		'50% of the work',
	);
	first.press('q');
	await first.waitForText('exited 0');

	const second = new Terminal(first.home);
	t.after(() => second.close(false));
	second.start([path], {columns: 90, rows: 24});
	// The place comes back once pdf.js has read the whole work; "Resumed at" says so for 4 s, which
	// a capture on a machine this busy can miss, so the lines themselves are what is waited for.
	const sameLines = (screen: string[]) =>
		screen.slice(0, -1).join('\n') === left.slice(0, -1).join('\n');
	const back = await second.waitFor(
		(screen) => wholeRead(screen) && sameLines(screen),
		'the saved place, with the whole work read',
		90_000,
	);
	assert.deepEqual(back.slice(0, -1), left.slice(0, -1), 'the same lines on the screen');
	const percent = /(\d+)%\s*$/.exec(status(left))![1]!;
	assert.match(status(back), new RegExp(`\\b${percent} ?%`));
});
