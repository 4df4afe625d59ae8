import assert from 'node:assert/strict';
import {test} from 'node:test';
import {htmlBlocks, type HtmlBlock} from '../../source/formats/html-blocks.ts';

function blocksOf(html: string): HtmlBlock[] {
	const blocks: HtmlBlock[] = [];
	htmlBlocks(html, (block) => blocks.push(block));
	return blocks;
}

test('inline emphasis becomes style runs on the block text', () => {
	const [block] = blocksOf('<p>A <em>b</em> <strong>c <i>d</i></strong> <u>e</u> <s>f</s></p>');
	assert.equal(block!.text, 'A b c d e f');
	const styled = (style: string) =>
		block!
			.styles!.filter((run) => run.style === style)
			.map((run) => block!.text.slice(run.start, run.end));
	assert.deepEqual(styled('italic'), ['b', 'd']);
	assert.deepEqual(styled('bold'), ['c d']);
	assert.deepEqual(styled('underline'), ['e']);
	assert.deepEqual(styled('strike'), ['f']);
});

test('headings, quotes, lists, centred paragraphs, rules and line breaks', () => {
	const blocks = blocksOf(
		'<h2>Title</h2><blockquote><p>q</p></blockquote><ol><li>one</li><li>two</li></ol><ul><li>dot</li></ul><p align="center">mid</p><center>old</center><hr/><p>a<br/>b</p><p>&nbsp;</p>',
	);
	assert.deepEqual(
		blocks.map((block) => [block.kind, block.text, Boolean(block.center)]),
		[
			['heading', 'Title', true],
			['quote', 'q', false],
			['list-item', '1. one', false],
			['list-item', '2. two', false],
			['list-item', '• dot', false],
			['paragraph', 'mid', true],
			['paragraph', 'old', true],
			['break', '', true],
			['paragraph', 'a\nb', false],
			['spacer', '', false],
		],
	);
});

test('scripts, styles and the head are left out; the title is reported', () => {
	let title = '';
	const blocks: HtmlBlock[] = [];
	htmlBlocks(
		'<html><head><title>T</title><style>p{}</style></head><body><script>alert(1)</script><p>x</p></body></html>',
		(block) => blocks.push(block),
		{onTitle: (text) => (title = text)},
	);
	assert.equal(title, 'T');
	assert.deepEqual(
		blocks.map((block) => block.text),
		['x'],
	);
});

test('10,000 levels of nesting are read without a stack overflow', () => {
	const html = '<div>'.repeat(10_000) + '<p>deep <em>text</em></p>' + '</div>'.repeat(10_000);
	const blocks = blocksOf(html);
	assert.deepEqual(
		blocks.map((block) => block.text),
		['deep text'],
	);
});
