import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chapterTransfers, packChapters, unpackChapters} from '../source/packed-chapters.ts';
import type {Chapter, Section} from '../source/work/types.ts';

/** Objects reachable from `value`, a typed array or ArrayBuffer counting as one. */
function objectsIn(value: unknown): number {
	if (typeof value !== 'object' || value === null) return 0;
	if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 1;
	let count = 1;
	for (const inner of Object.values(value)) count += objectsIn(inner);
	return count;
}

test('chapters and sections come back as the work had them, across a transfer', () => {
	const chapters: Chapter[] = [
		{title: 'Front', start: 0, end: 3},
		{title: 'Café “quoted” — 漢字 🙂', start: 3, end: 9, depth: 1},
		{title: '', start: 9, end: 10, depth: 2, parts: [{title: 'Book Two', depth: 0}]},
		{title: 'Last', start: 10, end: 12},
	];
	const sections: Section[] = [
		{chapter: 0, start: 0, end: 3},
		{chapter: 1, start: 3, end: 5},
		{chapter: 1, start: 6, end: 9},
		{chapter: 2, start: 9, end: 10},
		{chapter: 3, start: 10, end: 12},
	];
	const packed = packChapters(chapters, sections);
	const moved = structuredClone(packed, {transfer: chapterTransfers(packed)});
	assert.deepEqual(unpackChapters(moved), {chapters, sections});
	// Transferred, not copied: the sender's buffers are emptied.
	assert.equal(packed.ranges.length, 0);
});

test('no chapters pack to empty buffers', () => {
	assert.deepEqual(unpackChapters(structuredClone(packChapters([], []))), {
		chapters: [],
		sections: [],
	});
});

test('200,000 chapters pack into a few objects, not one or more a chapter', () => {
	const count = 200_000;
	const chapters = Array.from({length: count}, (_, index): Chapter => ({
		title: `Part ${index}`,
		start: index * 2,
		end: index * 2 + 2,
	}));
	const sections = chapters.map(({start, end}, chapter): Section => ({chapter, start, end}));
	const packed = packChapters(chapters, sections);
	// Cloned one by one, these were 400,000 objects and 200,000 strings on each side of a message.
	assert.ok(objectsIn(packed) < 10, `${objectsIn(packed)} objects`);
	const back = unpackChapters(structuredClone(packed));
	assert.equal(back.chapters.length, count);
	assert.deepEqual(back.chapters.at(-1), chapters.at(-1));
	assert.deepEqual(back.sections.at(-1), sections.at(-1));
});
