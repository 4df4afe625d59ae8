// MOBI and AZW3: generated books read back, and files that try to hurt the reader.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {previewFromBytes, workFromBytes} from '../../source/formats/open-work.ts';
import {generatedFile} from '../bench/generate.ts';
import {palmDocInto} from '../../source/formats/mobi-palmdoc.ts';
import {LoadError} from '../../source/work/decode.ts';
import {azw3File, mobi6File, palmDocCompress, pdb} from '../helpers/mobi.ts';

const pages = [
	{title: 'Harbour', html: '<h1>Harbour</h1><p>The tide came in slowly.</p><p>Nobody waited.</p>'},
	{
		title: 'Open Sea',
		html: '<h1>Open Sea</h1><p>Salt on everything, and the <i>wind</i>.</p><hr/><p>Later, calm.</p>',
	},
];

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const record0At = (bytes: Uint8Array) => view(bytes).getUint32(78);

function story(work: ReturnType<typeof workFromBytes>) {
	return work.chapters.map((chapter) => [
		chapter.title,
		work.blocks
			.slice(chapter.start, chapter.end)
			.filter((block) => block.kind === 'paragraph')
			.map((block) => block.text),
	]);
}

test('PalmDOC round-trips, runs and pairs included', () => {
	const text = new TextEncoder().encode(
		'a b c abcabcabcabc the the the \u00e9t\u00e9 '.repeat(200),
	);
	const packed = palmDocCompress(text);
	assert.ok(packed.length < text.length / 2);
	const out = new Uint8Array(text.length);
	assert.equal(palmDocInto(packed, out, 0), text.length);
	assert.deepEqual(out, text);
});

for (const [name, write] of [
	['MOBI 6', mobi6File],
	['AZW3', azw3File],
] as const) {
	for (const options of [{}, {compression: 1 as const}, {trailing: true}]) {
		test(`a generated ${name} (${JSON.stringify(options)}) reads back its chapters and text`, () => {
			const work = workFromBytes(
				write(pages, {...options, title: 'Sea Book', author: 'tidewriter'}),
				'x.bin',
			);
			assert.equal(work.format, name === 'AZW3' ? 'azw3' : 'mobi');
			assert.equal(work.meta.title, 'Sea Book');
			assert.deepEqual(work.meta.authors, ['tidewriter']);
			assert.deepEqual(story(work), [
				['Harbour', ['The tide came in slowly.', 'Nobody waited.']],
				['Open Sea', ['Salt on everything, and the wind.', 'Later, calm.']],
			]);
		});
	}
}

/** Opening must either give a work or fail with a LoadError: never another exception, never a hang. */
function opensOrRefuses(bytes: Uint8Array): Error | undefined {
	try {
		workFromBytes(bytes, 'x.azw3');
		return undefined;
	} catch (error) {
		assert.ok(error instanceof LoadError, String((error as Error).stack));
		return error;
	}
}

function patched(
	bytes: Uint8Array,
	change: (copy: Uint8Array, record0: number) => void,
): Uint8Array {
	const copy = Uint8Array.from(bytes);
	change(copy, record0At(copy));
	return copy;
}

test('DRM, HUFF/CDIC and unknown compression are refused in one line', () => {
	const book = fixture('azw3/cold-iron-stars.azw3');
	const drm = opensOrRefuses(patched(book, (copy, at) => view(copy).setUint16(at + 12, 2)));
	assert.match(
		drm!.message,
		/^this book is DRM-protected \(MOBI encryption type 2\); ficterm cannot open it$/,
	);
	const huff = opensOrRefuses(patched(book, (copy, at) => view(copy).setUint16(at, 17_480)));
	assert.match(huff!.message, /HUFF\/CDIC compression, which ficterm does not read/);
	const unknown = opensOrRefuses(patched(book, (copy, at) => view(copy).setUint16(at, 3)));
	assert.match(unknown!.message, /unknown compression \(type 3\)/);
});

test('a back-reference before the start of a record is refused', () => {
	const record = Uint8Array.from([0x41, 0x80, 0x50]);
	assert.throws(() => palmDocInto(record, new Uint8Array(100), 0), /points before its start/);
	const book = mobi6File(pages, {compression: 2});
	const at = record0At(book);
	const text = view(book).getUint32(78 + 8);
	const damaged = patched(book, (copy) => copy.set([0x80, 0x50], text));
	assert.ok(at < text);
	assert.match(opensOrRefuses(damaged)!.message, /points before its start/);
});

test('a declared text length of 4 GB allocates only what the records can fill', () => {
	const book = patched(fixture('mobi/cold-iron-stars.mobi'), (copy, at) =>
		view(copy).setUint32(at + 4, 0xff_ff_ff_ff),
	);
	const before = process.memoryUsage().arrayBuffers;
	const work = workFromBytes(book, 'x.mobi');
	assert.equal(work.chapters.length, 3);
	assert.ok(process.memoryUsage().arrayBuffers - before < 50_000_000);
});

test('a huge record count, offsets past the end and records out of order open or are refused', () => {
	for (const name of [
		'azw3/cold-iron-stars.azw3',
		'mobi/cold-iron-stars-combined.mobi',
		'mobi/ao3-cold-iron-stars.mobi',
	]) {
		const book = fixture(name);
		opensOrRefuses(patched(book, (copy) => view(copy).setUint16(76, 0xff_ff)));
		const count = view(book).getUint16(76);
		for (let index = 1; index < count; index++) {
			opensOrRefuses(patched(book, (copy) => view(copy).setUint32(78 + index * 8, 0xff_ff_ff_f0)));
			opensOrRefuses(patched(book, (copy) => view(copy).setUint32(78 + index * 8, 80)));
		}
	}
});

test('every truncation of a real file opens or is refused, and index fields pointing anywhere too', () => {
	for (const name of [
		'azw3/ao3-cold-iron-stars.azw3',
		'mobi/cold-iron-stars-combined.mobi',
		'mobi/cold-iron-stars.mobi',
	]) {
		const book = fixture(name);
		for (let length = 0; length < book.length; length += 97)
			opensOrRefuses(book.subarray(0, length));
		const at = record0At(book);
		for (const field of [0x54, 0x58, 0xc0, 0xc4, 0xf4, 0xf8, 0xfc, 0x104, 20, 8, 10]) {
			for (const value of [0, 1, 7, 0xff_ff, 0x7f_ff_ff_ff]) {
				opensOrRefuses(
					patched(book, (copy) =>
						field === 8 || field === 10
							? view(copy).setUint16(at + field, value & 0xff_ff)
							: view(copy).setUint32(at + field, value),
					),
				);
			}
		}
	}
});

test('random damage to every byte of an AZW3 opens or is refused', () => {
	const book = fixture('azw3/cold-iron-stars.azw3');
	let seed = 7;
	const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
	for (let round = 0; round < 300; round++) {
		opensOrRefuses(
			patched(book, (copy) => {
				for (let flip = 0; flip < 8; flip++)
					copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
			}),
		);
	}
});

test("a MOBI 6 contents entry's entities are decoded in its chapter title", () => {
	const work = workFromBytes(
		mobi6File([{title: 'Salt &amp; Sea', html: '<p>The tide came in.</p>'}]),
		'x.mobi',
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Salt & Sea'],
	);
});

test('a PalmDOC (TEXtREAd) holds plain text, read as a text file', () => {
	const text = new TextEncoder().encode(
		'Chapter 1\r\n\r\nThe tide came in.\r\n\r\nChapter 2\r\n\r\nIt went out.\r\n',
	);
	const header = new Uint8Array(16);
	const fields = new DataView(header.buffer);
	fields.setUint16(0, 2);
	fields.setUint32(4, text.length);
	fields.setUint16(8, 1);
	fields.setUint16(10, 4096);
	const work = workFromBytes(pdb('TEXtREAd', [header, palmDocCompress(text)]), 'x.pdb');
	assert.deepEqual(story(work), [
		['Chapter 1', ['The tide came in.']],
		['Chapter 2', ['It went out.']],
	]);
});

for (const format of ['mobi', 'azw3']) {
	test(`${format}: a large book's preview is the start of the whole book, chapters included`, () => {
		const {bytes} = generatedFile(format, 300_000);
		const preview = previewFromBytes(bytes, `big.${format}`);
		const whole = workFromBytes(bytes, `big.${format}`);
		assert.ok(preview, 'a preview');
		assert.equal(preview.partial, true);
		assert.equal(preview.id, whole.id);
		assert.ok(preview.blocks.length > 50 && preview.blocks.length < whole.blocks.length);
		for (const [index, block] of preview.blocks.slice(0, -1).entries())
			assert.deepEqual(
				[block.kind, block.text],
				[whole.blocks[index]!.kind, whole.blocks[index]!.text],
			);
		for (const [index, chapter] of preview.chapters.entries())
			assert.equal(chapter.title, whole.chapters[index]!.title);
	});
}
