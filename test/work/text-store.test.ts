// The parse worker keeps block texts in a store, not as strings (text-store.ts): what reaches the
// main thread must be exactly the work that is read without one, for every format and fixture.

import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {openWork} from '../../source/formats/open-work.ts';
import {blockPieces, unpackPiece} from '../../source/packed-blocks.ts';
import {packTexts} from '../../source/packed-texts.ts';
import {parseStore} from '../../source/parse-store.ts';
import {SearchIndex} from '../../source/reader/search-index.ts';
import {storeTextsIn, StoredBlock, TextStore, textBlock} from '../../source/work/text-store.ts';
import type {Block, Work} from '../../source/work/types.ts';
import {foldTexts} from '../../source/work/fold-texts.ts';
import {WorkTexts} from '../../source/work/work-texts.ts';
import {generatedFile} from '../bench/generate.ts';
import {zipFolder} from '../helpers/epub.ts';
import {extensions, writers, type Story} from '../helpers/writers.ts';

/**
 * The work as the worker hands it over: read with its store (parse-store.ts; or, given a capacity,
 * a store that starts that small), packed, sent in pieces and unpacked; how many of its blocks had
 * their text in the store, not as a string of their own; and whether the texts were kept over the
 * file's own bytes.
 */
async function throughTheStore(
	bytes: Uint8Array,
	path: string,
	capacity?: number,
): Promise<{work: Work; stored: number; overFile: boolean; texts: WorkTexts; received: Work}> {
	const buffer = new Uint8Array(bytes).buffer;
	const prepared = parseStore(buffer);
	const store = capacity === undefined ? prepared.store : new TextStore(capacity);
	const file = capacity === undefined ? prepared.file : {bytes: new Uint8Array(buffer)};
	storeTextsIn(store);
	let work: Work;
	try {
		work = await openWork(file, path);
	} finally {
		storeTextsIn(undefined);
		store?.readFrom(undefined);
	}

	const stored = work.blocks.filter((block) => block instanceof StoredBlock).length;
	const packed = packTexts(work.blocks, {release: true, store});
	const overFile = packed.bytes === buffer;
	const pieces = [...blockPieces(work.blocks, 7)].map((piece) => structuredClone(piece));
	const texts = new WorkTexts(structuredClone(foldTexts(packed)));
	const blocks: Block[] = [];
	for (const piece of pieces) for (const block of unpackPiece(piece, texts)) blocks.push(block);
	const received = {...structuredClone({...work, blocks: []}), blocks};
	// The texts as the main thread reads them: from the folded bytes that are its search index.
	const sent = {...received, blocks: blocks.map((block) => ({...block, text: block.text}))};
	return {work: sent, stored, overFile, texts, received};
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
		const {work: actual, overFile} = await throughTheStore(bytes, file.path);
		assert.deepEqual(actual, expected, file.path);
		// Plain text in UTF-8 keeps its texts over its own bytes.
		if (file.path.endsWith('katrine-pg14263-cut.txt')) assert.ok(overFile, file.path);
		// A store too small at first has to grow, as one for a badly guessed size would.
		const {work: grown, stored} = await throughTheStore(bytes, file.path, 16);
		assert.deepEqual(grown, expected, file.path);
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
		const {work: actual, texts, received} = await throughTheStore(bytes, path);
		assert.deepEqual(actual, expected, format);
		const {work: grown, stored} = await throughTheStore(bytes, path, 16);
		assert.deepEqual(grown, expected, format);
		assert.ok(stored > 0, `${format}: none stored`);
		// The index the main thread folds the sent texts into finds what one made from strings does.
		const [found, wanted] = [new SearchIndex(received, {texts}), new SearchIndex(expected)].map(
			(index) => {
				index.advance(Number.POSITIVE_INFINITY);
				return index.find('quotes', () => false);
			},
		);
		assert.ok(wanted!.length > 0);
		assert.deepEqual(found, wanted, format);
	}
});

test('a long plain text keeps its texts over its own bytes, and reads the same', async () => {
	const generated = generatedFile('text', 30_000).bytes;
	const text = Buffer.from(generated).toString();
	// Hard-wrapped with CRLF and curly quotes, as real downloads are; and as a Gutenberg text.
	const windows = text.replaceAll('\n', '\r\n').replaceAll("'", '’');
	const gutenberg = [
		'The Project Gutenberg eBook of A Long Work',
		'',
		'Title: A Long Work',
		'',
		'*** START OF THE PROJECT GUTENBERG EBOOK A LONG WORK ***',
		text,
		'*** END OF THE PROJECT GUTENBERG EBOOK A LONG WORK ***',
		'',
		'Updated editions will replace the previous one.',
	].join('\n');
	for (const [name, bytes] of [
		['generated', generated],
		['windows', Buffer.from(windows)],
		['gutenberg', Buffer.from(gutenberg)],
	] as const) {
		const expected = await openWork({bytes: bytes.slice()}, 'long.txt');
		const {work, overFile} = await throughTheStore(bytes, 'long.txt');
		assert.ok(overFile, `${name}: kept over the file`);
		assert.deepEqual(work, expected, name);
	}
});

test('a store over a file writes behind its reading, and moves out when a text would pass it', () => {
	const file = Buffer.from('first line\nsecond line\nthird\n');
	const store = TextStore.overFile(file);
	// The first line is read: the second starts at byte 11.
	store.readFrom(() => 11);
	assert.equal(store.add('first line'), 0);
	assert.equal(store.bytes, file, 'written over the file');
	assert.equal(file.toString('utf8', 0, 10), 'first line');
	// Two bytes a character would pass what has been read: the store takes a buffer of its own.
	store.add('é');
	assert.notEqual(store.bytes, file);
	assert.equal(
		file.toString('utf8', 11),
		'second line\nthird\n',
		'the unread lines are as they were',
	);
	assert.equal(store.text(0, 10), 'first line');
	assert.equal(store.text(10, store.used), 'é');
	// Once it has left the file, how far the file is read no longer matters.
	store.readFrom(() => 0);
	store.add('more');
	assert.equal(store.text(store.used - 4, store.used), 'more');

	const whole = TextStore.overFile(Buffer.from('abcdef'));
	whole.readFrom(undefined);
	whole.add('xyz');
	whole.add('uvw');
	assert.equal(whole.text(0, 6), 'xyzuvw');
	whole.add('grows');
	assert.equal(whole.text(0, whole.used), 'xyzuvwgrows');
	// Nothing may be written over a file until its reading has begun.
	const unread = Buffer.from('untouched');
	const early = TextStore.overFile(unread);
	early.add('x');
	assert.equal(unread.toString(), 'untouched');
	const left = Buffer.from('left alone');
	const leaving = TextStore.overFile(left);
	leaving.leaveFile();
	leaving.readFrom(() => 100);
	leaving.add('x');
	assert.equal(left.toString(), 'left alone');
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
