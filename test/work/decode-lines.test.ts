// A text file decoded line by line must give exactly the lines of the file decoded whole.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeText} from '../../source/work/decode.ts';
import {decodeLines} from '../../source/work/decode-lines.ts';
import {sanitiseText} from '../../source/work/sanitise.ts';

const wholeLines = (bytes: Uint8Array) => sanitiseText(decodeText(bytes).text).split('\n');

/**
 * The lines read one at a time, as plain text reads them, and all at once; both must agree, and
 * so must what is told of them without reading them: which are blank, and where a text is.
 */
function linesOf(bytes: Uint8Array): string[] {
	const one = decodeLines(bytes)!;
	const blanks = Array.from({length: one.length}, (_, index) => decodeLines(bytes)!.blank(index));
	const each = Array.from({length: one.length}, (_, index) => one.line(index));
	assert.deepEqual(decodeLines(bytes)!.all(), each);
	assert.deepEqual(
		blanks,
		each.map((line) => /^[ \t]*$/.test(line)),
	);
	for (const text of ['word', 'é', ' ', 'a']) {
		for (const from of [0, 1, Math.floor(each.length / 2)]) {
			const expected = each.findIndex((line, index) => index >= from && line.includes(text));
			assert.equal(decodeLines(bytes)!.find(text, from), expected, `${text} from ${from}`);
		}
	}

	return each;
}
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** A small deterministic generator, so that a failure comes back the same every run. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
}

test('line ends of every kind: CRLF, a lone CR, CRs before a LF, a CR at the very end', () => {
	for (const text of [
		'',
		'\n',
		'\r',
		'one\r\ntwo\r\n',
		'one\rtwo\r\rthree',
		'one\r\r\ntwo\r\r\r\n\r\n',
		'end with CRs\r\r',
		'mixed\n\r\nlines\r\n\rand\n',
	]) {
		const bytes = Buffer.from(text);
		assert.deepEqual(linesOf(bytes), wholeLines(bytes), JSON.stringify(text));
		const marked = Buffer.concat([bom, bytes]);
		assert.deepEqual(linesOf(marked), wholeLines(marked), `BOM + ${JSON.stringify(text)}`);
	}
});

test('lines are made safe as the whole text is: escape sequences, controls, invisible marks', () => {
	const text =
		'\u001B[31mred\u001B[0m text\n\u001B]0;title\u0007after\nzero\u200Bwidth\u00AD \u202Eflip\n\uFEFFmark\n\u001B]8;;cut at the line end\nnext';
	for (const bytes of [Buffer.from(text), Buffer.concat([bom, bom, Buffer.from(text)])])
		assert.deepEqual(linesOf(bytes), wholeLines(bytes));
});

test('random texts of many scripts and line ends decode to the same lines', () => {
	const next = random(17);
	const pieces = [
		'a',
		'word ',
		'é',
		'’',
		'日本',
		'😀',
		'\n',
		'\r',
		'\r\n',
		'\n\n',
		'\u00A0',
		'\t',
		'\u001B[1m',
	];
	for (let run = 0; run < 300; run++) {
		let text = '';
		const length = Math.floor(next() * 60);
		for (let index = 0; index < length; index++)
			text += pieces[Math.floor(next() * pieces.length)]!;
		const bytes = Buffer.from(text);
		assert.deepEqual(linesOf(bytes), wholeLines(bytes), JSON.stringify(text));
	}
});

test('files that are not plain UTF-8 are left to be decoded whole', () => {
	const utf16 = Buffer.concat([
		Buffer.from([0xff, 0xfe]),
		Buffer.from('Chapter 1\n\nText.', 'utf16le'),
	]);
	assert.equal(decodeLines(utf16), undefined);
	assert.equal(decodeLines(Buffer.from('Chapter 1\n\nText.', 'utf16le')), undefined);
	assert.equal(decodeLines(Buffer.from('caf\xe9 latin-1\n', 'latin1')), undefined);
	assert.equal(decodeLines(new Uint8Array(400)), undefined);
});

test('the bytes behind the lines taken or let go of, in order, are free to be written over', () => {
	const bytes = Buffer.from('\uFEFFone\r\ntwo\n\nthree\rfour');
	const lines = decodeLines(bytes)!;
	assert.equal(lines.length, 5);
	assert.equal(lines.floor, 3, 'nothing read: the first line starts after the BOM');
	assert.deepEqual(lines.take(0, 2), ['one', 'two']);
	assert.equal(lines.floor, bytes.indexOf('\n\n') + 1, 'the blank line is next');
	// A line let go of further on does not move the floor past the lines before it.
	lines.release(4, 5);
	assert.equal(lines.floor, bytes.indexOf('\n\n') + 1);
	assert.equal(lines.line(3), 'three');
	lines.release(2, 4);
	assert.equal(lines.floor, bytes.length, 'every line done');
	// A line let go of may have been written over since: reading it again is a mistake, not a text.
	assert.equal(lines.line(1), 'two', 'the last two lines read are kept');
	assert.throws(() => lines.line(2), /read after it was let go of/);
	assert.equal(lines.line(5), '');
	assert.equal(lines.line(-1), '');
});

test('reading every line at once tells that the bytes are done with', () => {
	let told = 0;
	const lines = decodeLines(Buffer.from('a\nb\nc'), () => told++)!;
	assert.equal(lines.line(1), 'b');
	assert.equal(told, 0);
	assert.deepEqual(lines.all(), ['a', 'b', 'c']);
	assert.deepEqual(lines.all(), ['a', 'b', 'c']);
	assert.equal(told, 1);
	assert.equal(lines.line(0), 'a', 'read from the array now');
	assert.equal(lines.floor, 5);
});
