import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadWork} from '../../source/formats/read-work-file.ts';

const fixture = (name: string) =>
	loadWork(new URL(`../fixtures/ao3-text/${name}`, import.meta.url).pathname);

test('keeps chapter summaries, notes and end notes apart from the story', () => {
	const work = fixture('chaptered-with-notes.txt');
	const texts = (part: string) =>
		work.blocks.filter((block) => block.part === part).map((block) => block.text);
	assert.ok(texts('note').includes('They leave port.'));
	assert.ok(texts('note').includes('Chapter one end note.'));
	assert.ok(texts('note').includes("Last chapter's end note."));
	assert.ok(texts('note').includes('Work end note: more to come.'));
	assert.ok(!texts('story').some((text) => text.includes('end note')));
	assert.ok(!texts('story').some((text) => /Kudos|Works inspired/.test(text)));
});

test('site chrome before the header and after the work is not story text', () => {
	const work = fixture('single-chapter-with-chrome.txt');
	const story = work.blocks.filter((block) => block.part === 'story').map((block) => block.text);
	assert.equal(
		story[0],
		'The rain began at the exact moment Ada stepped out of the café, which she took personally.',
	);
	assert.ok(!story.some((text) => /Main Content|Footer|Top/.test(text)));
});

test('text that only looks like an AO3 page, with no work text found, is read as plain text', async () => {
	const {workOf} = await import('../helpers/works.ts');
	const work = workOf(
		'Rating: the film was fine.\n\nFandom: a word I learned today.\n\nAdditional Tags: none at all.\n\nThe rest of my diary goes on from here.\n',
	);
	assert.equal(work.format, 'text');
	assert.ok(work.blocks.some((block) => block.text === 'The rest of my diary goes on from here.'));
});
