// A large EPUB whose first documents hold too few words to name the work has no preview: it is
// read whole in the worker before the first screen, saying so, and keys still answer meanwhile.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {generatedStory} from '../bench/generate.ts';
import {writers} from '../helpers/writers.ts';
import {Terminal} from './terminal.ts';

const status = (screen: string[]) => screen.at(-1)!;

/** 60 documents of a few words each (plates, say), then 600,000 words of story. */
function platesFirst(home: string): string {
	const story = generatedStory(600_000);
	const plates = Array.from({length: 60}, (_, index) => ({
		title: `Plate ${index + 1}`,
		scenes: [[`Plate ${index + 1}.`]],
	}));
	const path = join(home, 'plates-first.epub');
	writeFileSync(path, writers['epub']!({...story, chapters: [...plates, ...story.chapters]}));
	return path;
}

for (const [key, code] of [
	['q', 0],
	['C-c', 130],
] as const) {
	test(`${key} while a large work without a preview is read ends the program at once`, async (t) => {
		const terminal = new Terminal();
		t.after(() => terminal.close());
		terminal.start([platesFirst(terminal.home)], {columns: 90, rows: 24});
		await terminal.waitForText('Reading plates-first.epub… (q quits)', 30_000);
		terminal.press(key);
		const screen = await terminal.waitForText(`exited ${code}`);
		assert.ok(!screen.some((row) => row.includes('Plate 1')), 'no screen of the work was drawn');
	});
}

test('a key typed while a large work without a preview is read applies to the whole work', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([platesFirst(terminal.home)], {columns: 90, rows: 24});
	await terminal.waitForText('Reading plates-first.epub', 30_000);
	terminal.type('G');
	const end = await terminal.waitFor(
		(screen) => /\b100%\s*$/.test(status(screen)),
		'the last screen of the whole work',
		30_000,
	);
	assert.ok(!end.some((row) => row.includes('Reading plates-first.epub')));
});
