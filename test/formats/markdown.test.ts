import assert from 'node:assert/strict';
import {test} from 'node:test';
import {storyWords} from '../../source/work/progress.ts';
import {workOf} from '../helpers/works.ts';

test('YAML front matter gives title, authors and tags, and is not read as text', () => {
	const work = workOf(
		[
			'---',
			'title: "A Title: With a Colon"',
			'author: Anne Writer, Ben Writer',
			'fandom: [Original Work, "Folklore, Mostly"]',
			'tags:',
			'  - slow burn',
			"  - 'found family'",
			'summary: |',
			'  First line,',
			'  wrapped.',
			'',
			'  Second paragraph.',
			'url: https://archiveofourown.org/works/99',
			'---',
			'',
			'The story begins.',
		].join('\n'),
		'some-file.md',
	);
	assert.equal(work.meta.title, 'A Title: With a Colon');
	assert.deepEqual(work.meta.authors, ['Anne Writer', 'Ben Writer']);
	assert.deepEqual(work.meta.fandoms, ['Original Work', 'Folklore, Mostly']);
	assert.deepEqual(work.meta.tags, ['slow burn', 'found family']);
	assert.equal(work.id, 'ao3:99');
	assert.equal(work.summary, 'First line, wrapped.\n\nSecond paragraph.');
	assert.equal(storyWords(work), 3);
});

test('AO3 note headings are notes of the chapter or the work, not chapters', () => {
	const work = workOf(
		[
			'# Title',
			'## Notes',
			'Work notes.',
			'## Chapter 1',
			'### Chapter Notes',
			'Before.',
			'### Chapter Text',
			'One two three.',
			'### Chapter End Notes',
			'After.',
			'## Chapter 2',
			'Four five.',
			'## Notes',
			'End of chapter two.',
			'## End Notes',
			'End of the work.',
		].join('\n\n'),
		'w.md',
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Chapter 1', 'Chapter 2'],
	);
	assert.equal(work.notes, 'Work notes.');
	assert.equal(work.endNotes, 'End of the work.');
	assert.equal(storyWords(work), 5);
	const notes = work.blocks.filter((block) => block.part === 'note').map((block) => block.text);
	assert.deepEqual(notes, [
		'Chapter Notes',
		'Before.',
		'Chapter End Notes',
		'After.',
		'Chapter End Notes',
		'End of chapter two.',
		'End Notes',
		'End of the work.',
	]);
});

test('lists stay lists, one item a line; ~~strike~~ is drawn as strike-through', () => {
	const work = workOf(
		'# T\n\n- a\n- b\n  goes on\n\n1. one\n2) two\n\nIt was ~~so~~ fine.\n',
		'l.md',
	);
	assert.deepEqual(
		work.blocks.filter((block) => block.part === 'story').map((block) => [block.kind, block.text]),
		[
			['list-item', '• a'],
			['list-item', '• b goes on'],
			['list-item', '1. one'],
			['list-item', '2. two'],
			['paragraph', 'It was so fine.'],
		],
	);
	const items = work.blocks.filter((block) => block.kind === 'list-item');
	assert.deepEqual(
		items.map((block) => block.continued === true),
		[false, true, true, true],
	);
	assert.deepEqual(work.blocks.at(-1)!.styles, [{start: 7, end: 9, style: 'strike'}]);
});
