import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseHtml} from '../../source/formats/html.ts';
import {assembleWork} from '../../source/work/assemble.ts';

test('a Project Gutenberg book: the author from its header, header and licence outside the story', () => {
	const html = `<html><head><title>The Harbour</title></head><body>
		<h2>The Harbour, by Ada Quill</h2>
		<pre>
Title: The Harbour

Author: Ada Quill

***START OF THE PROJECT GUTENBERG EBOOK THE HARBOUR***
</pre>
		<h2>CHAPTER I</h2><p>The boats came in at dusk.</p>
		<h2>CHAPTER II</h2><p>The lamps were lit one by one.</p>
		<p>***END OF THE PROJECT GUTENBERG EBOOK THE HARBOUR***</p>
		<pre>Updated editions will replace the previous one.</pre>
		<h2>THE FULL LICENSE</h2><p>To protect the mission of promoting free access.</p>
	</body></html>`;
	const work = assembleWork(parseHtml(html, 'harbour.htm'));
	assert.deepEqual(work.meta.authors, ['Ada Quill']);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['CHAPTER I', 'CHAPTER II'],
	);
	const notes = work.blocks.filter((block) => block.part === 'note').map((block) => block.text);
	assert.ok(notes.includes('Updated editions will replace the previous one.'), notes.join('|'));
	assert.ok(notes.includes('To protect the mission of promoting free access.'));
	const story = work.blocks.filter((block) => block.part === 'story').map((block) => block.text);
	assert.ok(story.includes('The lamps were lit one by one.'));
	assert.ok(!story.some((text) => text.includes('License') || text.includes('mission')));
});

test('lists read as a browser draws them: one item a line, numbered from their start, nested items one level in', () => {
	const html = `<html><body><h1>T</h1>
		<p>Before.</p>
		<ol start="3"><li>three</li><li>four<ul><li>inner</li><li>more<ul><li>deepest</li></ul></li></ul></li><li>five</li></ol>
		<ul><li>another list</li></ul>
		<p>After.</p></body></html>`;
	const work = assembleWork(parseHtml(html, 'lists.html'));
	const items = work.blocks
		.filter((block) => block.kind === 'list-item')
		.map(({text, level, continued}) => ({text, level, continued}));
	assert.deepEqual(items, [
		{text: '3. three', level: undefined, continued: undefined},
		{text: '4. four', level: undefined, continued: true},
		{text: '◦ inner', level: 1, continued: true},
		{text: '◦ more', level: 1, continued: true},
		{text: '▪ deepest', level: 2, continued: true},
		{text: '5. five', level: undefined, continued: true},
		// Another list after the first: a gap before it, as between paragraphs.
		{text: '• another list', level: undefined, continued: undefined},
	]);
});
