import assert from 'node:assert/strict';
import {test} from 'node:test';
import {elementOfCode, elementPath} from '../../source/formats/html-element-paths.ts';
import {htmlBlocks, type HtmlBlock} from '../../source/formats/html-blocks.ts';
import {draftBlock} from '../../source/formats/html-draft-block.ts';
import type {BlockXPath} from '../../source/work/types.ts';

const root = '/body[1]/DocFragment[2]';

type Placed = HtmlBlock & {path?: BlockXPath};

/** The blocks as a work keeps them (an element number each), with the paths a second reading finds. */
function blocksOf(html: string): Placed[] {
	const blocks: HtmlBlock[] = [];
	htmlBlocks(html, (block) => blocks.push(block), {xpathRoot: root});
	const paths = new Map<number, BlockXPath>();
	htmlBlocks(html, () => undefined, {
		xpathRoot: root,
		onElementPath: (order, path) => paths.set(order, path),
	});
	return blocks.map((block) => {
		if (block.epubElement === undefined) return block;
		const {fragment, order} = elementOfCode(block.epubElement);
		assert.equal(fragment, 2);
		return {...block, path: paths.get(order)};
	});
}

const where = (block: Placed) =>
	block.path && {...block.path, element: elementPath(block.path.element)};

test('a block keeps only a small number for its element, and the second reading finds its path', () => {
	const blocks: HtmlBlock[] = [];
	htmlBlocks('<body><p>One</p><div><p>Two</p></div></body>', (block) => blocks.push(block), {
		xpathRoot: root,
	});
	for (const block of blocks) {
		assert.equal(typeof block.epubElement, 'number');
		// A small integer: V8 keeps it in the block itself, with no object of its own.
		assert.ok(block.epubElement! < 2 ** 30);
		// What the work keeps of a plain paragraph holds no object: no path, no chain of elements.
		assert.ok(Object.values(draftBlock(block)).every((value) => typeof value !== 'object'));
	}

	assert.deepEqual(blocksOf('<body><p>One</p><div><p>Two</p></div></body>').map(where), [
		{element: `${root}/body[1]/p[1]`, text: '/text()[1]', start: 0, end: 3},
		{element: `${root}/body[1]/div[1]/p[1]`, text: '/text()[1]', start: 0, end: 3},
	]);
});

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
	assert.equal(blocks[0]!.epubElement, undefined);
});

test('hostile nesting is read without a stack overflow; blocks past the limit get no path', () => {
	const depth = 10_000;
	const blocks = blocksOf(
		`<body>${'<div>'.repeat(depth)}<p>deep</p>${'</div>'.repeat(depth)}<p>after</p></body>`,
	);
	const after = blocks.find((block) => block.text === 'after')!;
	assert.equal(where(after)?.element, `${root}/body[1]/p[1]`);
});
