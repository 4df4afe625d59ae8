// Works large enough to open on a preview of their start must resume exactly where they were left.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {generatedFile} from '../bench/generate.ts';
import {Terminal} from './terminal.ts';

// Over the preview thresholds: 2 MB of text, 512 KB of zipped EPUB.
const words = 600_000;
const status = (screen: string[]) => screen.at(-1)!;

const cases = [
	...['text', 'html', 'markdown', 'ao3-html', 'fff-txt', 'epub', 'azw3', 'mobi'].map((format) => ({
		format,
		at: '50%',
	})),
	// A place inside the opening is shown from the preview itself, before the rest is read.
	...['text', 'epub'].map((format) => ({format, at: '1%'})),
];

for (const {format, at} of cases) {
	test(`${format}: a work opened on a preview resumes at the same line (${at})`, async (t) => {
		const first = new Terminal();
		t.after(() => first.close());
		const {bytes, extension} = generatedFile(format, words, {frontMatter: true});
		const path = join(first.home, `large.${extension}`);
		writeFileSync(path, bytes);
		first.start([path], {columns: 90, rows: 24});
		const opening = await first.waitFor(
			(screen) => /\d+%\s*$/.test(status(screen)),
			'the whole work read',
			30_000,
		);
		first.type(at);
		const wanted = Number.parseInt(at, 10);
		const left = await first.waitFor(
			// The top line nearest the share may start just before it.
			(screen) =>
				screen[0] !== opening[0] &&
				new RegExp(`\\b(${wanted - 1}|${wanted})%\\s*$`).test(status(screen)),
			`${at} of the work`,
		);
		first.press('q');
		await first.waitForText('exited 0');

		const second = new Terminal(first.home);
		t.after(() => second.close(false));
		second.start([path], {columns: 90, rows: 24});
		await second.waitFor(
			(screen) => status(screen).includes('Resumed at'),
			'the resumed message',
			30_000,
			{settled: false},
		);
		const back = await second.waitFor(
			(screen) => /\d+%\s*$/.test(status(screen)),
			'the whole work read',
			30_000,
		);
		assert.deepEqual(back.slice(0, -1), left.slice(0, -1), 'the same lines on the screen');
		const percent = /(\d+)%\s*$/.exec(status(left))![1]!;
		assert.match(status(back), new RegExp(`\\b${percent} ?%`));
	});
}
