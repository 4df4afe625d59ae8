import assert from 'node:assert/strict';
import {test} from 'node:test';
import {elementPath} from '../../source/formats/html-element-paths.ts';
import {htmlBlocks, type HtmlBlock} from '../../source/formats/html-blocks.ts';

const root = '/body[1]/DocFragment[2]';

function blocksOf(html: string): HtmlBlock[] {
	const blocks: HtmlBlock[] = [];
	htmlBlocks(html, (block) => blocks.push(block), {xpathRoot: root});
	return blocks;
}

const where = (block: HtmlBlock) =>
	block.xpath && {...block.xpath, element: elementPath(block.xpath.element)};

test('every element counts among its same-name siblings, void and skipped ones too', () => {
	const blocks = blocksOf(
		`<html><head><title>T</title><style>p {}</style></head><body>
		<p>One<br/>two</p>
		<div><img src="a.png"/><p>  <em>Three</em> four</p></div>
		<script>var p;</script>
		<p>Five <span>six</span> seven</p>
		</body></html>`,
	);
	assert.deepEqual(blocks.map(where), [
		{element: `${root}/body[1]/p[1]`, text: '/text()[1]', start: 0, end: 3},
		// The image is the div's own block, with no text; the paragraph's first text is inside <em>.
		{element: `${root}/body[1]/div[1]`, start: 0, end: 0},
		{element: `${root}/body[1]/div[1]/p[1]`, text: '/em[1]/text()[1]', start: 0, end: 5},
		{element: `${root}/body[1]/p[2]`, text: '/text()[1]', start: 0, end: 5},
	]);
});

test('without an XPointer root, blocks carry no path', () => {
	const blocks: HtmlBlock[] = [];
	htmlBlocks('<body><p>One</p></body>', (block) => blocks.push(block));
	assert.equal(blocks[0]!.xpath, undefined);
});

test('hostile nesting is read without a stack overflow; blocks past the limit get no path', () => {
	const depth = 10_000;
	const blocks = blocksOf(
		`<body>${'<div>'.repeat(depth)}<p>deep</p>${'</div>'.repeat(depth)}<p>after</p></body>`,
	);
	const after = blocks.find((block) => block.text === 'after')!;
	assert.equal(where(after)?.element, `${root}/body[1]/p[1]`);
});
