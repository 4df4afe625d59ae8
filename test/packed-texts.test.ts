import assert from 'node:assert/strict';
import {test} from 'node:test';
import {zipSync} from 'fflate';
import {blockPieces, unpackPiece} from '../source/packed-blocks.ts';
import {packTexts, storesTexts} from '../source/packed-texts.ts';
import {foldTexts} from '../source/work/fold-texts.ts';
import {WorkTexts} from '../source/work/work-texts.ts';
import {mobi6File} from './helpers/mobi.ts';
import type {Block} from '../source/work/types.ts';

test('block texts come back whole and in order from one packed buffer', () => {
	const texts = [
		'',
		'plain words',
		'café “quoted” — dash',
		'漢字かな交じり',
		'🙂 emoji',
		'',
		'end',
	];
	const blocks = texts.map((text): Block => ({kind: 'paragraph', part: 'story', text}));
	const packed = packTexts(blocks);
	assert.equal(packed.ends.length, texts.length);
	// Transferred to another thread, the buffer arrives as a plain ArrayBuffer.
	const unpacked = new WorkTexts(foldTexts(structuredClone(packed)));
	assert.deepEqual(
		texts.map((_, index) => unpacked.text(index)),
		texts,
	);
});

test('a work with no text packs to an empty buffer', () => {
	const packed = packTexts([]);
	assert.equal(packed.bytes.byteLength, 0);
	assert.equal(packed.ends.length, 0);
});

test('the worker sends its blocks in pieces, their texts packed before them, and lets go of them', () => {
	const texts = Array.from({length: 10}, (_, index) => `block ${index} “said”`);
	const blocks = texts.map((text): Block => ({kind: 'paragraph', part: 'story', text}));
	const packed = packTexts(blocks, {release: true});
	assert.ok(blocks.every((block) => block.text === ''));
	const pieces = [...blockPieces(blocks, 4)];
	assert.deepEqual(
		pieces.map(({received, total}) => [received, total]),
		[
			[4, 10],
			[8, 10],
			[10, 10],
		],
	);
	// The worker's own array no longer holds the blocks it sent.
	assert.ok(blocks.every((block) => block === undefined));
	// Transferred to the main thread, the texts and pieces arrive as plain ArrayBuffers.
	const unpacked = new WorkTexts(foldTexts(structuredClone(packed)));
	const sent: Block[] = [];
	for (const piece of pieces)
		for (const block of unpackPiece(structuredClone(piece), unpacked)) sent.push(block);
	assert.deepEqual(
		sent.map((block) => ({...block, text: block.text})),
		texts.map((text): Block => ({kind: 'paragraph', part: 'story', text})),
	);
});

test('texts are stored while reading a zip or a text file, not one long document', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);
	assert.equal(storesTexts(zipSync({'a.txt': bytes('text')})), true);
	assert.equal(storesTexts(bytes('Chapter 1\n\nIt was a dark night.')), true);
	assert.equal(storesTexts(bytes('<!DOCTYPE html><html><body><p>Hi</p></body></html>')), false);
	assert.equal(storesTexts(bytes('\uFEFF\n  <?xml version="1.0"?><FictionBook/>')), false);
	assert.equal(
		storesTexts(mobi6File([{title: 'One', html: '<p>One</p>'}], {title: 'T', author: 'A'})),
		false,
	);
});
