import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {outlineOf} from '../../source/work/outline.ts';
import {loadWork} from '../../source/formats/read-work-file.ts';
import {projectRoot, Terminal} from './terminal.ts';

const sample = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');

test('] and [ walk the scenes of a work, each opening at the top of the text', async (t) => {
	const work = loadWork(sample);
	const openings = outlineOf(work).flatMap((chapter) =>
		chapter.sections.map((section, index) => ({
			chapter: chapter.title,
			first: index === 0,
			words: section.opening.split(' ').slice(0, 5).join(' '),
		})),
	);
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([sample], {columns: 100, rows: 30});
	await terminal.waitForText('Tags: hidden');

	for (const opening of openings) {
		terminal.press(']');
		// A chapter's first scene starts at the chapter heading; later scenes at their first words.
		const expected = opening.first ? opening.chapter : opening.words;
		await terminal.waitFor((rows) => rows[0]!.includes(expected), `"${expected}" at the top`);
	}

	terminal.press(']');
	await terminal.waitForText('Last scene');

	for (const opening of openings.toReversed().slice(1)) {
		terminal.press('[');
		const expected = opening.first ? opening.chapter : opening.words;
		await terminal.waitFor(
			(rows) => rows[0]!.includes(expected),
			`"${expected}" at the top going back`,
		);
	}

	terminal.press('{');
	await terminal.waitForText('First chapter');
	assert.match(terminal.screen()[0]!, /Chapter 1: The Reef/);
});

test('/ finds a word anywhere in the work and n goes to the next match', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([sample], {columns: 90, rows: 24});
	await terminal.waitForText('Tags: hidden');
	terminal.press('/');
	terminal.type('letters');
	terminal.press('Enter');
	const first = await terminal.waitFor((rows) => /1\/\d+/.test(rows.at(-1)!), 'the first match');
	assert.match(first[0]!, /letters/i);
	terminal.press('n');
	await terminal.waitFor((rows) => /2\/\d+/.test(rows.at(-1)!), 'the second match');
	terminal.press('/');
	terminal.type('zebra');
	terminal.press('Enter');
	await terminal.waitForText('Not found: zebra');
});
