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

test('a title over one blank line belongs to the work: chapters start at the first heading', () => {
	const work = workOf(
		'The Long Road Home\n\nChapter 1\n\nIt was late.\n\nChapter 2\n\nMorning.\n',
		'my-story.txt',
	);
	assert.equal(work.meta.title, 'The Long Road Home');
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Chapter 1', 'Chapter 2'],
	);
	const untitled = workOf('a quiet one\n\nChapter 1\n\nIt was late.\n', 'mine.txt');
	assert.equal(untitled.meta.title, 'a quiet one');
	assert.equal(
		workOf('The Long Road Home\n\nIt was late. She slept.\n').meta.title,
		'The Long Road Home',
	);
});

test('a short first line that reads as speech or a sentence stays the opening of the story', () => {
	for (const opening of ['"Run," she said', 'It was late', 'Snow.', '1850']) {
		const work = workOf(`${opening}\n\nThe rest of it went on for a while.\n`, 'story.txt');
		assert.equal(work.meta.title, 'story', opening);
		assert.equal(work.blocks[0]!.text, opening);
	}
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

test('bare numerals are chapters only while they count up: a year or a page number is text', () => {
	const work = workOf(
		'I\n\nOne begins here.\n\n1850.\n\nA year alone.\n\nII\n\nTwo.\n\n7\n\nA stray number.\n\nIII\n\nThree.\n',
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['I', 'II', 'III'],
	);
});

test('a contents list of headings is not chapters; a title line in capitals names its chapter', () => {
	const chapter = (numeral: string, title: string) =>
		`${numeral}\n\n${title}\n\n\n${'Words of the chapter go on for a while here. '.repeat(5)}\n\n`;
	const work = workOf(
		`CONTENTS\n\nI\n\nII\n\nIII\n\n\n${chapter('I', 'UNDER THE PINES')}${chapter('II', 'THE MEETING')}${chapter('III', '"I WILL TAKE CARE OF YOU"')}`,
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['test', 'I. UNDER THE PINES', 'II. THE MEETING', 'III. "I WILL TAKE CARE OF YOU"'],
	);
});

test('books whose chapters start again at I: the part names its chapters', () => {
	const body = 'Enough words to be a chapter of its own, and a few more besides. '.repeat(3);
	const work = workOf(
		['BOOK I', 'CHAPTER I', body, 'CHAPTER II', body, 'BOOK II', 'CHAPTER I', body].join('\n\n'),
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['BOOK I — CHAPTER I', 'BOOK I — CHAPTER II', 'BOOK II — CHAPTER I'],
	);
});

test('Project Gutenberg: title and author from the header; header and licence outside the story', () => {
	const text = [
		'The Project Gutenberg EBook of Tales, by Anne Writer',
		'',
		'Title: Tales',
		'       or Other Stories',
		'',
		'Author: Anne Writer and Ben Writer',
		'',
		'*** START OF THIS PROJECT GUTENBERG EBOOK TALES ***',
		'',
		'CHAPTER I',
		'',
		'The story, in after-',
		'lecture words.',
		'',
		'End of the Project Gutenberg EBook of Tales, by Anne Writer',
		'',
		'*** END OF THIS PROJECT GUTENBERG EBOOK TALES ***',
		'',
		'Licence words that are not the story.',
	].join('\r\n');
	const work = workOf(text, 'pg123.txt');
	assert.equal(work.meta.title, 'Tales');
	assert.deepEqual(work.meta.authors, ['Anne Writer', 'Ben Writer']);
	assert.equal(storyWords(work), 5);
	const story = work.blocks.filter((block) => block.part === 'story').map((block) => block.text);
	assert.deepEqual(story, ['CHAPTER I', 'The story, in after-lecture words.']);
	assert.match(work.notes, /^The Project Gutenberg EBook of Tales/);
	assert.match(work.endNotes, /Licence words that are not the story\.$/);
});
