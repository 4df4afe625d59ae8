import assert from 'node:assert/strict';
import {test} from 'node:test';
import {assembleWork} from '../../source/work/assemble.ts';
import {chapterDraft, emptyDraft, paragraph} from '../../source/work/draft.ts';
import {storeTextsIn, TextStore, textBlock} from '../../source/work/text-store.ts';
import {emptyMeta} from '../../source/work/types.ts';

test('assembling lets go of each chapter`s draft once it is laid, and keeps the chapters', () => {
	const draft = emptyDraft('markdown', emptyMeta('Many'));
	for (let index = 0; index < 3; index++)
		draft.chapters.push(chapterDraft(`Part ${index}`, [paragraph(`Text ${index}.`)]));
	const drafts = draft.chapters;
	const work = assembleWork(draft);
	// A work of 200,000 chapters held every chapter's draft (an object and four arrays) to the end.
	assert.deepEqual(draft.chapters, []);
	assert.ok(drafts.every((chapter) => chapter === undefined));
	assert.deepEqual(
		work.chapters.map(({title, start, end}) => [title, start, end]),
		[
			['Part 0', 0, 2],
			['Part 1', 2, 4],
			['Part 2', 4, 6],
		],
	);
	assert.deepEqual(work.blocks[2], {kind: 'heading', part: 'story', text: 'Part 1', center: true});
});

test('a paragraph too long for one block is cut into pieces reading its text once, not per piece', () => {
	// In the parse worker a block's text is decoded from its store each time it is read: a 3 MB
	// paragraph (a file of short lines and no blank ones) was decoded once per 4,000-character piece.
	const whole = 'Line of text here that is short. '.repeat(20_000);
	let reads = 0;
	class CountingStore extends TextStore {
		override text(start: number, end: number): string {
			reads++;
			return super.text(start, end);
		}
	}

	storeTextsIn(new CountingStore(1024));
	const block = textBlock('paragraph', whole);
	storeTextsIn(undefined);
	const draft = emptyDraft('text', emptyMeta('Long'));
	draft.chapters.push(chapterDraft('One', [block]));
	const work = assembleWork(draft);
	const pieces = work.blocks.filter((piece) => piece.kind === 'paragraph');
	assert.ok(pieces.length > 100, String(pieces.length));
	assert.equal(pieces.map((piece) => piece.text).join(''), whole);
	assert.ok(reads < 20, `the text was decoded ${reads} times`);
});
