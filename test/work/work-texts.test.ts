// A long work's texts folded in place by the worker, as the search index holds them, and read
// back from there on the main thread: always the text that was packed.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {packTexts} from '../../source/packed-texts.ts';
import {foldedByte} from '../../source/work/folded-text.ts';
import {storeTextsIn, TextStore, textBlock} from '../../source/work/text-store.ts';
import type {Block} from '../../source/work/types.ts';
import {foldTexts} from '../../source/work/fold-texts.ts';
import {WorkTexts} from '../../source/work/work-texts.ts';
import {fuzzRuns} from '../helpers/fuzz.ts';

const blocksOf = (strings: string[]) =>
	strings.map((text): Block => ({kind: 'paragraph', part: 'story', text}));

/**
 * The texts as the main thread gets them: packed, folded, cloned across. Given a store, the texts
 * are stored as they are read, last first, so that they lie there out of order.
 */
function sent(strings: string[], store?: TextStore): WorkTexts {
	let blocks = blocksOf(strings);
	if (store) {
		storeTextsIn(store);
		blocks = strings
			.toReversed()
			.map((text) => Object.assign(textBlock('paragraph', text), {part: 'story'}) as Block)
			.toReversed();
		storeTextsIn(undefined);
	}

	return new WorkTexts(structuredClone(foldTexts(packTexts(blocks, {store}))));
}

const folding = (text: string) =>
	Array.from({length: text.length}, (_, at) => foldedByte[text.charCodeAt(at)]!);

test('property: any texts read back the same once folded, and are folded as the index folds text', () => {
	fc.assert(
		fc.property(
			fc.array(
				fc.oneof(
					fc.string({unit: 'binary'}),
					fc.string(),
					fc.string({unit: fc.constantFrom('a', 'B', ' ', 'é', '’', 'ſ', '\u212A', '日', '😀')}),
				),
				{maxLength: 30},
			),
			fc.boolean(),
			(written, stored) => {
				// Lone surrogates become U+FFFD in UTF-8, as in the worker's packing.
				const strings = written.map((text) => Buffer.from(text).toString());
				// Stored texts lie out of order, with other bytes between them.
				const store = stored ? new TextStore(8) : undefined;
				store?.add('lead-in bytes ÄÖ');
				const texts = sent(strings, store);
				assert.deepEqual(
					strings.map((_, index) => texts.text(index)),
					strings,
				);
				for (const [index, text] of strings.entries())
					assert.deepEqual(
						[...texts.folded.subarray(texts.starts[index], texts.ends[index])],
						folding(text),
					);
				assert.deepEqual(
					[...texts.order].map((index) => texts.starts[index]),
					[...texts.order].map((index) => texts.starts[index]).sort((a, b) => a! - b!),
				);
			},
		),
		fuzzRuns(300),
	);
});

test('a text mostly beyond ASCII is kept whole; one mostly within it, as capitals and exceptions', () => {
	const strings = ['灯台守の娘は海を見ていた。', 'The “Keeper’s” Log — CAPITALS, café.', '', 'A'];
	const texts = sent(strings);
	assert.deepEqual(
		strings.map((_, index) => texts.text(index)),
		strings,
	);
	assert.deepEqual([...texts.order], [0, 1, 3], 'blocks without a text are not placed');
});

test('blocks made of the texts read their text from them, in the order they were packed', () => {
	const texts = sent(['one', 'Two']);
	const first = texts.block('heading', 'front');
	const second = texts.block('paragraph', 'story');
	assert.deepEqual({...first, text: first.text}, {kind: 'heading', part: 'front', text: 'one'});
	assert.equal(second.text, 'Two');
	assert.deepEqual(Object.keys(second), ['kind', 'part']);
});

test('two blocks that share one text in the packed bytes read it back alike', () => {
	const bytes = new Uint8Array(Buffer.from('Shared “text”'));
	const ends = new Uint32Array([bytes.length, bytes.length]);
	const texts = new WorkTexts(
		foldTexts({bytes: bytes.buffer as ArrayBuffer, ends, starts: new Uint32Array(2)}),
	);
	assert.deepEqual([texts.text(0), texts.text(1)], ['Shared “text”', 'Shared “text”']);
});
