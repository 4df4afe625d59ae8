import assert from 'node:assert/strict';
import {test} from 'node:test';
import {applyFffLabel} from '../../source/formats/fff-labels.ts';
import {statusOf, statusText} from '../../source/reader/status.ts';
import {assembleWork} from '../../source/work/assemble.ts';
import {chapterDraft, emptyDraft, type DraftBlock} from '../../source/work/draft.ts';
import {emptyMeta} from '../../source/work/types.ts';

const draftBlock = (text: string): DraftBlock => ({kind: 'paragraph', text});

function workWithEndNotes() {
	const draft = emptyDraft('html', emptyMeta('Harbour'));
	for (const title of ['Prologue', 'Epilogue'])
		draft.chapters.push(chapterDraft(title, [draftBlock('The boats came in at dusk.')]));
	draft.endNotes.push(draftBlock('This book is free to share under its licence.'));
	return assembleWork(draft);
}

test('the status names no chapter over the end notes after the last chapter', () => {
	const work = workWithEndNotes();
	const last = work.blocks.length - 1;
	const status = statusOf({
		work,
		anchor: {block: last, offset: 0},
		atEnd: true,
		wordsPerMinute: 250,
	});
	assert.equal(status.chapter, 'End notes');
	const story = work.chapters.at(-1)!.start;
	const inEpilogue = statusOf({
		work,
		anchor: {block: story, offset: 0},
		atEnd: false,
		wordsPerMinute: 250,
	});
	assert.equal(inEpilogue.chapter, 'Epilogue');
});

test('a FanFicFare status of In-Progress or Incomplete is not "Completed"', () => {
	for (const [status, completed] of [
		['In-Progress', undefined],
		['Incomplete', undefined],
		['Completed', 'yes'],
		['Complete', 'yes'],
	] as const) {
		const meta = emptyMeta('x');
		applyFffLabel(meta, 'Status', status);
		assert.equal(meta.completed, completed, status);
	}
});

test('the front page says whose word count the file states', () => {
	const draft = emptyDraft('ao3-html', {
		...emptyMeta('Harbour'),
		authors: ['deckhand'],
		words: 1234,
		ao3Id: '42',
	});
	draft.chapters.push(chapterDraft('One', [draftBlock('The boats came in at dusk.')]));
	const work = assembleWork(draft);
	const front = work.blocks.slice(work.front!.start, work.front!.end).map((block) => block.text);
	assert.ok(
		front.some((text) => text.includes("1,234 words by AO3's count")),
		front.join('|'),
	);
});

test('a narrow bar keeps the chapter whole before the time left and the work title', () => {
	const status = {
		title: 'News from Nowhere',
		chapter: 'CHAPTER VII: TRAFALGAR SQUARE',
		scene: 'scene 1/2',
		timeLeft: '11 min left in chapter',
		percent: 17,
	};
	assert.deepEqual(statusText(status, 100), {
		left: 'News from Nowhere · CHAPTER VII: TRAFALGAR SQUARE',
		right: '11 min left in chapter · scene 1/2 · 17%',
	});
	// At 60 columns the time left goes first, then the title is cut.
	assert.deepEqual(statusText(status, 58), {
		left: 'News fr… · CHAPTER VII: TRAFALGAR SQUARE',
		right: 'scene 1/2 · 17%',
	});
	// Narrower, the title is left out rather than cut to nothing, then the chapter's end is cut.
	assert.deepEqual(statusText(status, 40), {left: 'CHAPTER VII: TRAFALGAR SQUARE', right: '17%'});
	assert.deepEqual(statusText(status, 24), {left: 'CHAPTER VII: TRAF…', right: '17%'});
});
