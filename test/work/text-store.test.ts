// The parse worker keeps block texts in a store, not as strings (text-store.ts): what reaches the
// main thread must be exactly the work that is read without one, for every format and fixture.

import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {openWork} from '../../source/formats/open-work.ts';
import {blockPieces, packTexts, TextUnpacker, unpackPiece} from '../../source/packed-texts.ts';
import {SearchIndex} from '../../source/reader/search-index.ts';
import {storeTextsIn, StoredBlock, TextStore, textBlock} from '../../source/work/text-store.ts';
import type {Block, Work} from '../../source/work/types.ts';
import {zipFolder} from '../helpers/epub.ts';
import {extensions, writers, type Story} from '../helpers/writers.ts';

/**
 * The work as the worker hands it over: read with a store, packed, sent in pieces and unpacked;
 * and how many of its blocks had their text in the store, not as a string of their own.
 */
async function throughTheStore(
	bytes: Uint8Array,
	path: string,
	capacity: number,
): Promise<{work: Work; stored: number}> {
	const store = new TextStore(capacity);
	storeTextsIn(store);
	let work: Work;
	try {
		work = await openWork({bytes}, path);
	} finally {
		storeTextsIn(undefined);
	}

	const stored = work.blocks.filter((block) => block instanceof StoredBlock).length;
	const packed = structuredClone(packTexts(work.blocks, {release: true, store}));
	const pieces = [...blockPieces(work.blocks, 7)].map((piece) => structuredClone(piece));
	const unpacker = new TextUnpacker(packed);
	const blocks: Block[] = [];
	for (const piece of pieces) for (const block of unpackPiece(piece, unpacker)) blocks.push(block);
	const received = {...structuredClone({...work, blocks: []}), blocks};
	// The spent buffer still holds the search index, as the packed one did.
	const storage = unpacker.spent()!;
	assert.ok(storage.length >= received.charsBefore[blocks.length]!, 'room for the index');
	return {work: received, stored};
}

function files(): Array<{path: string; bytes: () => Uint8Array}> {
	const root = new URL('../fixtures/', import.meta.url).pathname;
	const found: Array<{path: string; bytes: () => Uint8Array}> = [];
	for (const format of readdirSync(root)) {
		for (const name of readdirSync(join(root, format))) {
			if (/\.expected\.(json|txt)$/.test(name) || name === 'README.md') continue;
			const path = join(root, format, name);
			found.push(
				name.endsWith('.epub.d')
					? {path: path.replace(/\.d$/, ''), bytes: () => zipFolder(path)}
					: {path, bytes: () => readFileSync(path)},
			);
		}
	}

	return found;
}

const long = 'A paragraph long enough to be cut into pieces, with “quotes” in it. '.repeat(90);
const story: Story = {
	title: 'The Keeper’s Log',
	author: 'Tester',
	chapters: [
		{
			title: 'First Light',
			scenes: [
				['It’s “here”, she said — café, naïve.', long],
				['灯台守の娘は海を見ていた。', 'oOo', 'Plain words after a short line.'],
			],
		},
		{title: 'Second', scenes: [['One more.'], ['oOo'], ['The end 🌊.']]},
	],
};

test('every fixture reads the same through the worker’s store as without it', async () => {
	for (const file of files()) {
		const bytes = file.bytes();
		const expected = await openWork({bytes: bytes.slice()}, file.path);
		// A store too small at first has to grow, as one for a badly guessed size would.
		const {work: actual, stored} = await throughTheStore(bytes.slice(), file.path, 16);
		assert.deepEqual(actual, expected, file.path);
		// PDFs make their blocks without the store; every other format stores its paragraphs (the
		// front page, headings and labels are made later, and packed from strings).
		if (!file.path.endsWith('.pdf')) assert.ok(stored > 0, `${file.path}: none stored`);
	}
});

test('every format written by its producer reads the same through the store', async () => {
	for (const [format, write] of Object.entries(writers)) {
		const written = write(story);
		const bytes = typeof written === 'string' ? new TextEncoder().encode(written) : written;
		const path = `story.${extensions[format] ?? format}`;
		const expected = await openWork({bytes: bytes.slice()}, path);
		const {work: actual, stored} = await throughTheStore(bytes.slice(), path, bytes.length * 8);
		assert.deepEqual(actual, expected, format);
		assert.ok(stored > 0, `${format}: none stored`);
		const [found, wanted] = [actual, expected].map((work) => {
			const index = new SearchIndex(work);
			index.advance(Number.POSITIVE_INFINITY);
			return index.find('quotes', () => false);
		});
		assert.ok(wanted!.length > 0);
		assert.deepEqual(found, wanted, format);
	}
});

test('a stored block reads its text from the store until it is given one of its own', () => {
	const store = new TextStore(4);
	storeTextsIn(store);
	const block = textBlock('paragraph', 'It’s stored, and longer than the store was at first.');
	storeTextsIn(undefined);
	assert.ok(block instanceof StoredBlock);
	assert.equal(block.text, 'It’s stored, and longer than the store was at first.');
	assert.deepEqual(block.storedIn(store), {start: 0, end: store.used});
	block.text = 'its own';
	assert.equal(block.text, 'its own');
	assert.equal(block.storedIn(store), undefined);
	assert.deepEqual(textBlock('paragraph', 'no store now'), {
		kind: 'paragraph',
		text: 'no store now',
	});
});
