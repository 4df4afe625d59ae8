// The worker's blocks reach the main thread exactly as they were, however much there is to them,
// and the common ones travel as a byte and a number, not as serialized objects.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {blockPieces, pieceTransfers, unpackPiece} from '../source/packed-blocks.ts';
import {packTexts} from '../source/packed-texts.ts';
import {foldTexts} from '../source/work/fold-texts.ts';
import {WorkTexts} from '../source/work/work-texts.ts';
import {blockKinds, blockParts, type Block} from '../source/work/types.ts';

/** The blocks as the main thread gets them: texts packed, pieces of `size` cloned across. */
function sent(blocks: Block[], size: number): Block[] {
	const copies = structuredClone(blocks);
	const texts = new WorkTexts(foldTexts(structuredClone(packTexts(copies, {release: true}))));
	const received: Block[] = [];
	for (const piece of blockPieces(copies, size)) {
		const arrived = structuredClone(piece, {transfer: pieceTransfers(piece)});
		for (const block of unpackPiece(arrived, texts)) received.push(block);
	}

	// Their texts are read from the work's texts: here, as a block's own.
	return received.map((block) => ({...block, text: block.text}));
}

const styled: Block[] = [
	{kind: 'paragraph', part: 'story', text: 'Plain.'},
	{kind: 'heading', part: 'story', text: 'Chapter 1', epubElement: 12_884_901_889},
	{kind: 'paragraph', part: 'story', text: 'In an EPUB.', epubElement: 3},
	{
		kind: 'paragraph',
		part: 'story',
		text: 'Italic words.',
		styles: [{start: 0, end: 6, style: 'italic'}],
		epubElement: 4,
	},
	{kind: 'paragraph', part: 'story', text: '漢字', ruby: [{start: 0, end: 2, reading: 'かんじ'}]},
	{kind: 'break', part: 'story', text: '* * *', center: true},
	{kind: 'quote', part: 'note', text: 'שלום', direction: 'rtl'},
	{kind: 'list-item', part: 'front', text: 'Tag', level: 1, folded: true},
	{kind: 'paragraph', part: 'story', text: 'more', continued: true},
	{kind: 'spacer', part: 'story', text: ''},
	{kind: 'label', part: 'front', text: 'Rating:'},
	{kind: 'paragraph', part: 'story', text: 'An element named but unset.', epubElement: undefined},
];

test('blocks of every shape arrive as they were, in pieces of any size', () => {
	for (const size of [1, 3, 5, 100]) assert.deepStrictEqual(sent(styled, size), styled, `${size}`);
});

test('kinds, parts and EPUB elements travel as numbers; only blocks with more are serialized', () => {
	const plain: Block[] = Array.from({length: 6}, (_, index) => ({
		kind: index % 2 ? 'paragraph' : 'heading',
		part: index < 3 ? 'front' : 'note',
		text: `block ${index}`,
		...(index > 2 ? {epubElement: index * 1000} : {}),
	}));
	const [piece] = [...blockPieces(structuredClone(plain), 10)];
	assert.equal(piece!.others, undefined);
	assert.deepEqual([...piece!.elements!].slice(0, 3), [Number.NaN, Number.NaN, Number.NaN]);
	assert.deepStrictEqual(sent(plain, 4), plain);
	const [mixed] = [...blockPieces(structuredClone(styled), 100)];
	assert.ok(mixed!.others);
	assert.equal(mixed!.codes.filter((code) => code === 255).length, 7);
});

test('any block arrives as it was', () => {
	const block = fc.record(
		{
			kind: fc.constantFrom(...blockKinds),
			part: fc.constantFrom(...blockParts),
			text: fc.string(),
			epubElement: fc.oneof(fc.nat(), fc.maxSafeNat()),
			center: fc.boolean(),
			level: fc.nat(5),
			styles: fc.array(
				fc.record(
					{start: fc.nat(9), end: fc.nat(9), style: fc.constantFrom('italic', 'bold')},
					{noNullPrototype: true},
				),
			),
		},
		{requiredKeys: ['kind', 'part', 'text'], noNullPrototype: true},
	);
	fc.assert(
		fc.property(
			fc.array(block as fc.Arbitrary<Block>),
			fc.integer({min: 1, max: 7}),
			(blocks, size) => {
				assert.deepStrictEqual(sent(blocks, size), blocks);
			},
		),
	);
});
