import assert from 'node:assert/strict';
import {test} from 'node:test';
import {storyWords} from '../../source/work/progress.ts';
import {workOf} from '../helpers/works.ts';

test('re-joins hard-wrapped lines into paragraphs, without spaces between CJK lines', () => {
	const work = workOf('It was a dark\nand stormy night.\n\n日本語の\nテキスト。\n');
	assert.deepEqual(
		work.blocks.map((block) => block.text),
		['It was a dark and stormy night.', '日本語のテキスト。'],
	);
});

test('finds chapters from heading lines that stand alone', () => {
	const work = workOf(
		'Chapter 1\n\nOne.\n\nCHAPTER II: The Second\n\nTwo. I said chapter 3 in a sentence.\n\nPart Three\n\nThree.\n',
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Chapter 1', 'CHAPTER II: The Second', 'Part Three'],
	);
});

test('splits by indentation when a text has no blank lines', () => {
	const lines = Array.from({length: 30}, (_, index) =>
		index % 3 === 0 ? `    Paragraph ${index / 3} begins` : 'and carries on',
	);
	const work = workOf(lines.join('\n'));
	assert.equal(work.blocks.length, 10);
	assert.equal(work.blocks[0]!.text, 'Paragraph 0 begins and carries on and carries on');
});

test('a title set off at the top becomes the title page; words count the story only', () => {
	const work = workOf('The Title\nby Someone\n\nOne two three.\n\nFour five.\n');
	assert.equal(work.meta.title, 'The Title');
	assert.deepEqual(work.meta.authors, ['Someone']);
	assert.equal(work.blocks[0]!.kind, 'heading');
	assert.equal(storyWords(work), 5);
});

test('the same text has the same id whatever its file name; a longer version keeps it', () => {
	const text = 'Chapter 1\n\n' + 'Word after word after word. '.repeat(400) + '\n';
	assert.equal(workOf(text, 'a.txt').id, workOf(text, 'elsewhere/b.txt').id);
	assert.equal(workOf(text).id, workOf(text + '\nChapter 2\n\nMore words arrive.\n').id);
	assert.match(workOf(text).id, /^sha256:[\da-f]{32}$/);
	assert.notEqual(workOf('Another story entirely.').id, workOf(text).id);
});

test('counts each CJK character as a word', () => {
	assert.equal(storyWords(workOf('日本語 and English.\n')), 5);
});
