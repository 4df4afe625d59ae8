import assert from 'node:assert/strict';
import {test} from 'node:test';
import {assembleWork} from '../../source/work/assemble.ts';
import {chapterDraft, emptyDraft, paragraph} from '../../source/work/draft.ts';
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
