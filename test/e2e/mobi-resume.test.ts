// The same story as AZW3, MOBI and EPUB is one work: a place left in one is found in the other.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {generatedFile} from '../bench/generate.ts';
import {Terminal} from './terminal.ts';

const status = (screen: string[]) => screen.at(-1)!;

for (const format of ['azw3', 'mobi']) {
	test(`a place left in the ${format} of a story opens in its EPUB on the same paragraph`, async (t) => {
		const first = new Terminal();
		t.after(() => first.close());
		const book = generatedFile(format, 20_000);
		const epub = generatedFile('epub', 20_000);
		const bookPath = join(first.home, `story.${book.extension}`);
		const epubPath = join(first.home, 'story.epub');
		writeFileSync(bookPath, book.bytes);
		writeFileSync(epubPath, epub.bytes);
		first.start([bookPath], {columns: 90, rows: 24});
		const opening = await first.waitFor((screen) => /\d+%\s*$/.test(status(screen)), 'the work');
		first.type('50%');
		const left = await first.waitFor(
			(screen) => screen[0] !== opening[0] && /\b(49|50)%\s*$/.test(status(screen)),
			'half way',
		);
		first.press('q');
		await first.waitForText('exited 0');

		const second = new Terminal(first.home);
		t.after(() => second.close(false));
		second.start([epubPath], {columns: 90, rows: 24});
		await second.waitFor(
			(screen) => status(screen).includes('Resumed at'),
			'the resumed message',
			15_000,
			{settled: false},
		);
		const back = await second.waitFor((screen) => /\d+%\s*$/.test(status(screen)), 'the work');
		assert.deepEqual(back.slice(0, -1), left.slice(0, -1), 'the same lines on the screen');
	});
}
