// What a block read from HTML keeps in memory: its own text, not the document it was cut from, and
// one byte a character where the text allows it, whatever else the document holds.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {htmlBlocks} from '../../source/formats/html-blocks.ts';
import {draftBlock} from '../../source/formats/html-draft-block.ts';
import type {DraftBlock} from '../../source/work/draft.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
	// V8 keeps the subject of the last regular expression that matched (RegExp.input): a document.
	/./.test('.');
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

/** The blocks of a document built by `make`, and how much more heap they hold than before. */
function heldByBlocks(make: () => string): {blocks: DraftBlock[]; bytes: number} {
	const before = heapUsed();
	const blocks: DraftBlock[] = [];
	htmlBlocks(make(), (block) => blocks.push(draftBlock(block)));
	return {blocks, bytes: heapUsed() - before};
}

test('a paragraph cut from a long document does not keep the document alive', () => {
	const {blocks, bytes} = heldByBlocks(
		() =>
			`<html><body><!-- ${'x'.repeat(16_000_000)} --><p>A short paragraph, read on its own.</p></body></html>`,
	);
	assert.deepEqual(
		blocks.map((block) => block.text),
		['A short paragraph, read on its own.'],
	);
	assert.ok(bytes < 2_000_000, `${(bytes / 1e6).toFixed(1)} MB held for one paragraph`);
});

test('paragraphs of Latin-1 text take one byte a character, in a document with a curly quote', () => {
	const paragraph = 'Plain words, and then some more plain words of the kind a story has. ';
	const count = 40_000;
	const {blocks, bytes} = heldByBlocks(() => {
		const body = Array.from({length: count}, (_, index) => `<p>${index} ${paragraph}</p>`);
		return `<html><body><p>It’s here.</p>${body.join('')}</body></html>`;
	});
	assert.equal(blocks.length, count + 1);
	const chars = blocks.reduce((sum, block) => sum + block.text.length, 0);
	// Two bytes a character would be 5.6 MB of text alone; objects take about 40 bytes a block.
	assert.ok(bytes < chars * 1.5 + count * 80, `${(bytes / 1e6).toFixed(1)} MB for ${chars} chars`);
});
