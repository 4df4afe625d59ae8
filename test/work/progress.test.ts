import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	anchorAtFraction,
	chapterAt,
	fractionAt,
	sceneAt,
	storyWords,
	wordsLeftInChapter,
} from '../../source/work/progress.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const work = workOf(generatedText(3, 3));

test('chapter and scene of a block, from the index tables alone', () => {
	for (const [index, chapter] of work.chapters.entries()) {
		assert.equal(chapterAt(work, chapter.start), index);
		assert.equal(chapterAt(work, chapter.end - 1), index);
	}

	const scenes = work.sections.filter((section) => section.chapter === 1);
	assert.equal(scenes.length, 3);
	for (const [index, section] of scenes.entries()) {
		assert.deepEqual(sceneAt(work, section.start), {number: index + 1, count: 3});
		assert.deepEqual(sceneAt(work, section.end - 1), {number: index + 1, count: 3});
	}
});

test('share of the work and back', () => {
	assert.equal(fractionAt(work, {block: 0, offset: 0}), 0);
	const middle = anchorAtFraction(work, 0.5);
	assert.ok(Math.abs(fractionAt(work, middle) - 0.5) < 0.02);
	assert.deepEqual(anchorAtFraction(work, 0), {block: 0, offset: 0});
});

test('words left in the chapter fall to zero at its end and count only the story', () => {
	const chapter = work.chapters[1]!;
	const atStart = wordsLeftInChapter(work, {block: chapter.start, offset: 0});
	assert.equal(atStart, work.wordsBefore[chapter.end]! - work.wordsBefore[chapter.start]!);
	assert.equal(
		wordsLeftInChapter(work, {
			block: chapter.end - 1,
			offset: work.blocks[chapter.end - 1]!.text.length,
		}),
		0,
	);
	assert.ok(storyWords(work) > atStart * 2);
});
