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

test('invalid UTF-8 is shown as U+FFFD with a warning', () => {
	const decoded = decodeText(Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21]));
	assert.equal(decoded.text, 'Hi\uFFFD\uFFFD!');
	assert.match(decoded.warnings[0]!, /not valid UTF-8/);
	assert.match(
		workFromBytes(Buffer.from([0x48, 0x69, 0xff, 0x21]), 'x.txt').warnings[0]!,
		/not valid UTF-8/,
	);
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
	const html = workFromBytes(
		Buffer.from('<html><body><p>It&rsquo;s &amp; &#8220;x&#x201D; &nbsp;ok</p></body></html>'),
		'a.html',
	);
	assert.equal(html.blocks[0]!.text, 'It’s & “x” \u00A0ok');
});
