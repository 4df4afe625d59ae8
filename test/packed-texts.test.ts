import assert from 'node:assert/strict';
import {test} from 'node:test';
import {packTexts, TextUnpacker} from '../source/packed-texts.ts';
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
