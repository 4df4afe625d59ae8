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

test('ruby: the base is the text, the reading a run beside it, in every shape', () => {
	const [block] = blocksOf(
		'<p>かく<ruby>霊台方寸<rp>(</rp><rt>れいだいほうすん</rt><rp>)</rp></ruby>の<ruby><rb>漢</rb><rt>かん</rt><rb>字</rb><rt>じ</rt></ruby>。</p>',
	);
	assert.equal(block!.text, 'かく霊台方寸の漢字。');
	assert.deepEqual(block!.ruby, [
		{start: 2, end: 6, reading: 'れいだいほうすん'},
		{start: 7, end: 8, reading: 'かん'},
		{start: 8, end: 9, reading: 'じ'},
	]);
});

test('page numbers are dropped; note references are bracketed, once', () => {
	const [block] = blocksOf(
		'<p>advised <span epub:type="pagebreak" title="216" id="Page_216">216</span> the contrary, a unit of currency.<a epub:type="noteref" href="#n1">1</a> Then<a class="fnanchor" href="#f2">[2]</a> and <span class="pagenum"><a id="p9">[Pg 9]</a></span>more.<sup><a role="doc-noteref" href="#n3"> 3 </a></sup></p>',
	);
	assert.equal(block!.text, 'advised the contrary, a unit of currency.[1] Then[2] and more.[3]');
});

test('a verse group is one block of lines: indents kept, line numbers set apart, stanzas apart', () => {
	const blocks = blocksOf(
		`<div class="linegroup">
			<div>What are the roots that clutch, what branches grow</div>
			<div class="indent">Out of this stony rubbish? Son of man,<a epub:type="noteref" href="#n1">*</a><span class="lnum">20</span>
			</div>
			<blockquote><div><div>Frisch weht der Wind</div></div></blockquote>
		</div>
		<div class="linegroup"><div>I will show you fear<br/>in a handful of dust.<span class="lnum">30</span></div></div>
		<pre>  kept
    as it is</pre>`,
	);
	assert.deepEqual(
		blocks.map((block) => block.text),
		[
			'What are the roots that clutch, what branches grow\n  Out of this stony rubbish? Son of man,[*]    20\n    Frisch weht der Wind',
			'I will show you fear\nin a handful of dust.    30',
			'  kept\n    as it is',
		],
	);
});

test('ids name the block they start, and the writing direction comes from dir', () => {
	const blocks = blocksOf(
		'<body dir="rtl"><section id="ch1"><h2>פרק</h2><p>שלום<a id="mid"></a> עולם</p><p dir="ltr" id="p3">Hello</p></section></body>',
	);
	assert.deepEqual(
		blocks.map((block) => [block.text, block.ids, block.direction]),
		[
			['פרק', ['ch1'], 'rtl'],
			['שלום עולם', [], 'rtl'],
			['Hello', ['mid', 'p3'], 'ltr'],
		],
	);
});

test('a poem of 20,000 lines in one group is read in linear time', () => {
	// Reading the block's growing text after every line made this take about a minute; now well under a second.
	const lines = Array.from(
		{length: 20_000},
		(_, index) => `<div>Line ${index} of the poem<br/></div>`,
	);
	const started = performance.now();
	const blocks = blocksOf(`<div class="linegroup">${lines.join('')}</div>`);
	assert.equal(blocks.length, 1);
	assert.equal(blocks[0]!.text.split('\n').length, 20_000);
	assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
});
