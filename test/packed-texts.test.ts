import assert from 'node:assert/strict';
import {test} from 'node:test';
import {blockPieces, packTexts, TextUnpacker, unpackPiece} from '../source/packed-texts.ts';
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
	const unpacker = new TextUnpacker(structuredClone(packed));
	assert.deepEqual(
		texts.map(() => unpacker.next()),
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
	const unpacker = new TextUnpacker(structuredClone(packed));
	const sent: Block[] = [];
	for (const piece of pieces) {
		assert.equal(unpacker.spent(), undefined, 'the buffer is spent before every text is read');
		for (const block of unpackPiece(structuredClone(piece), unpacker)) sent.push(block);
	}

	assert.deepEqual(
		sent,
		texts.map((text): Block => ({kind: 'paragraph', part: 'story', text})),
	);
	// Once read, the buffer holds a byte per UTF-16 unit of the texts and one between blocks.
	const needed = texts.reduce((sum, text) => sum + text.length + 1, 0);
	assert.ok(unpacker.spent()!.length >= needed);
});
