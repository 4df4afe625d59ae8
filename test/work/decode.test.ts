import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeText, LoadError} from '../../source/work/decode.ts';
import {workFromBytes} from '../../source/formats/open-work.ts';

const utf16 = (text: string, endian: 'le' | 'be') => {
	const bytes = Buffer.from(text, 'utf16le');
	if (endian === 'be') bytes.swap16();
	return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
};

test('UTF-8 with and without BOM, UTF-16 LE and BE with BOM', () => {
	const text = 'Café, 日本語 and 😀.';
	assert.equal(decodeText(Buffer.from(text)).text, text);
	assert.equal(
		decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text,
		text,
	);
	assert.equal(decodeText(utf16(text, 'le')).text, text);
	assert.equal(decodeText(utf16(text, 'be')).text, text);
});

test('UTF-16 without a byte-order mark is told by its zero bytes, LE and BE', () => {
	const text = 'Chapter 1\n\nCafé, naïve, 日本語 and 😀 in an otherwise Latin paragraph.\n';
	assert.equal(decodeText(utf16(text, 'le').subarray(2)).text, text);
	assert.equal(decodeText(utf16(text, 'be').subarray(2)).text, text);
	assert.equal(workFromBytes(utf16(text, 'le').subarray(2), 'x.txt').chapters.length, 1);
	// Zeros on both sides of the pairs are a binary file still.
	assert.throws(() => decodeText(new Uint8Array(400)), LoadError);
});

test('UTF-16 without a mark in another script is told by the zeros of its spaces and line ends', () => {
	const russian = 'Глава 1\n\nОна сказала: «Привет», и ушла домой.\n';
	const chinese = '第一章\n\n她说：“你好。” 然后 走了。\n';
	assert.equal(decodeText(utf16(russian, 'le').subarray(2)).text, russian);
	assert.equal(decodeText(utf16(chinese, 'be').subarray(2)).text, chinese);
	assert.equal(decodeText(utf16(chinese, 'le').subarray(2)).text, chinese);
});

test('NULs at the very end of a text are dropped, not taken for a binary file', () => {
	const text = 'Chapter 1\n\nThe download was cut short here.\n';
	const padded = Buffer.concat([Buffer.from(text), Buffer.alloc(16)]);
	assert.equal(
		workFromBytes(padded, 'cut.txt').blocks.at(-1)!.text,
		'The download was cut short here.',
	);
	// A NUL inside the text is a binary file still.
	assert.throws(() => decodeText(Buffer.from('Chapter\u0000 1 and more text')), LoadError);
});

test('invalid bytes in a UTF-8 file are shown as U+FFFD with a warning', () => {
	const bytes = Buffer.concat([Buffer.from('Café '), Buffer.from([0xff]), Buffer.from(' naïve!')]);
	const decoded = decodeText(bytes);
	assert.equal(decoded.text, 'Café \uFFFD naïve!');
	assert.match(decoded.warnings[0]!, /not valid UTF-8/);
	assert.match(workFromBytes(bytes, 'x.txt').warnings[0]!, /not valid UTF-8/);
});

test('an 8-bit file is read as Windows-1252: Latin-1 letters and curly quotes survive', () => {
	// "Café, naïve “déjà vu”" in Windows-1252.
	const bytes = Buffer.from([
		0x43, 0x61, 0x66, 0xe9, 0x2c, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x20, 0x93, 0x64, 0xe9, 0x6a,
		0xe0, 0x20, 0x76, 0x75, 0x94,
	]);
	const decoded = decodeText(bytes);
	assert.equal(decoded.text, 'Café, naïve “déjà vu”');
	assert.match(decoded.warnings[0]!, /Windows-1252/);
	const declared = Buffer.concat([
		Buffer.from('Title: Les Miserables\r\nCharacter set encoding: ISO-8859-1\r\n\r\n'),
		bytes,
	]);
	assert.deepEqual(decodeText(declared).warnings, [], 'a declared encoding is no guess');
	assert.match(decodeText(declared).text, /Café, naïve “déjà vu”$/);
	const words = workFromBytes(bytes, 'x.txt').blocks.at(-1)!.text;
	assert.equal(words, 'Café, naïve “déjà vu”');
});

test('a binary file is refused', () => {
	const png = Buffer.from([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
	]);
	assert.throws(() => decodeText(png), LoadError);
	const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
	assert.throws(() => workFromBytes(elf, 'program'), /binary file/);
});

test('CR, CRLF and LF line endings read the same; entities are decoded in HTML', () => {
	const lf = workFromBytes(Buffer.from('One\nline.\n\nTwo.\n'), 'a.txt');
	const crlf = workFromBytes(Buffer.from('One\r\nline.\r\n\r\nTwo.\r\n'), 'a.txt');
	const cr = workFromBytes(Buffer.from('One\rline.\r\rTwo.\r'), 'a.txt');
	assert.deepEqual(crlf.blocks, lf.blocks);
	assert.deepEqual(cr.blocks, lf.blocks);
	// Stray CRs in a CRLF file neither split a paragraph nor glue two words together.
	const stray = workFromBytes(Buffer.from('One\r\r\nline.\r\n\r\nTwo.\r\n'), 'a.txt');
	assert.deepEqual(stray.blocks, lf.blocks);
	const lone = workFromBytes(Buffer.from('One\rline.\r\n\r\nTwo.\r\n'), 'a.txt');
	assert.deepEqual(lone.blocks, lf.blocks);
	const html = workFromBytes(
		Buffer.from('<html><body><p>It&rsquo;s &amp; &#8220;x&#x201D; &nbsp;ok</p></body></html>'),
		'a.html',
	);
	assert.equal(html.blocks[0]!.text, 'It’s & “x” \u00A0ok');
});
