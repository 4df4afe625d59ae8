import assert from 'node:assert/strict';
import {test} from 'node:test';
import {assembleWork} from '../../source/work/assemble.ts';
import {chapterDraft, emptyDraft, paragraph} from '../../source/work/draft.ts';

const escape = '\u001B[31m';
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

test('no string of the Work keeps a control character, wherever the draft had it', () => {
	const draft = emptyDraft('text');
	draft.meta.title = `Title${escape}`;
	draft.meta.authors = [`Author\u0007`];
	draft.meta.tags = [`tag\u202E`, escape];
	draft.summary = [paragraph(`Summary ${escape}here`)];
	draft.notes = [paragraph('Notes\u009B2J')];
	draft.endNotes = [paragraph('End\rnotes')];
	const chapter = chapterDraft(`Chapter${escape} One`, [
		paragraph(`Body ${escape}text`, {styles: [{start: 0, end: 4, style: 'italic'}]}),
	]);
	chapter.notes = [paragraph(`Chapter notes\u0000`)];
	draft.chapters = [chapter];
	const work = assembleWork(draft);
	const strings = [
		...Object.values(work.meta).flat(),
		work.summary,
		work.notes,
		work.endNotes,
		...work.chapters.map((each) => each.title),
		...work.blocks.map((block) => block.text),
	];
	for (const text of strings) if (typeof text === 'string') assert.doesNotMatch(text, unsafe, text);
	assert.deepEqual(work.meta.tags, ['tag'], 'a tag that was only an escape is gone');
	assert.equal(work.chapters[0]!.title, 'Chapter One');
	const body = work.blocks.find((block) => block.text === 'Body text')!;
	assert.equal(body.styles, undefined, 'style runs of changed text are dropped, not shifted');
});
