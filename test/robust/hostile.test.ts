// Hostile and broken files, each with its exact outcome from the real CLI: a one-line error and a
// non-zero status, or a readable best effort with a warning. Large ones are made by the test.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {zipSync} from 'fflate';
import stringWidth from 'string-width';
import {cliPath} from '../e2e/terminal.ts';

const folder = mkdtempSync(join(tmpdir(), 'ficterm-hostile-'));
after(() => rmSync(folder, {recursive: true, force: true}));

function file(name: string, content: string | Uint8Array): string {
	const path = join(folder, name);
	writeFileSync(path, content);
	return path;
}

function print(path: string, width = 60) {
	const result = spawnSync(process.execPath, [cliPath, '--print', '--width', String(width), path], {
		encoding: 'utf8',
		maxBuffer: 1 << 30,
		env: {...process.env, FICTERM_HOME: join(folder, 'home')},
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function expectError(path: string, pattern: RegExp) {
	const {status, stdout, stderr} = print(path);
	assert.equal(status, 1, stderr);
	assert.equal(stdout, '');
	assert.match(stderr, pattern);
	assert.equal(stderr.split('\n').filter(Boolean).length, 1, `one line: ${stderr}`);
	assert.doesNotMatch(stderr, /\bat .*\(.*:\d+:\d+\)/, 'no stack trace');
}

const encoder = new TextEncoder();
const container = encoder.encode(
	'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
);
function epub(documents: Record<string, string>, spine: string[]): Record<string, Uint8Array> {
	const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata><manifest>${spine.map((href, index) => `<item id="i${index}" href="${href}" media-type="application/xhtml+xml"/>`).join('')}</manifest><spine>${spine.map((_, index) => `<itemref idref="i${index}"/>`).join('')}</spine></package>`;
	return {
		mimetype: encoder.encode('application/epub+zip'),
		'META-INF/container.xml': container,
		'content.opf': encoder.encode(opf),
		...Object.fromEntries(
			Object.entries(documents).map(([name, html]) => [name, encoder.encode(html)]),
		),
	};
}

const page = (text: string) =>
	`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>${text}</p></body></html>`;

test('a missing file, a folder and an empty file are clear errors', () => {
	expectError(join(folder, 'nothing-here.txt'), /^ficterm: no such file: .*nothing-here\.txt\n$/);
	mkdirSync(join(folder, 'a-folder'));
	expectError(join(folder, 'a-folder'), /^ficterm: .*a-folder is a folder, not a work file\n$/);
	expectError(file('empty.txt', ''), /^ficterm: .*empty\.txt is empty\n$/);
});

test('a binary file (an image, a program) is refused', () => {
	const png = new Uint8Array([
		0x89,
		0x50,
		0x4e,
		0x47,
		0x0d,
		0x0a,
		0x1a,
		0x0a,
		0,
		0,
		0,
		13,
		0x49,
		0x48,
		0x44,
		0x52,
		...new Uint8Array(200),
	]);
	expectError(
		file('picture.png', png),
		/^ficterm: .*picture\.png: this looks like a binary file, not a work\n$/,
	);
	expectError(
		file('program', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Uint8Array(500)])),
		/binary file/,
	);
});

test('a Latin-1 file is read as Windows-1252, with a warning', () => {
	const {status, stdout, stderr} = print(
		file(
			'latin1.txt',
			new Uint8Array([...encoder.encode('Caf'), 0xe9, ...encoder.encode(' au lait.\n')]),
		),
	);
	assert.equal(status, 0);
	assert.equal(stdout.trim(), 'Café au lait.');
	assert.match(stderr, /^ficterm: warning: the file is not UTF-8; it was read as Windows-1252/);
});

test('a 50 MB file on one line is read and wrapped, as a best effort', () => {
	const words = 'lorem ipsum dolor sit amet consectetur '.repeat(1_300_000);
	const {status, stdout, stderr} = print(file('one-line.txt', words), 70);
	assert.equal(status, 0, stderr);
	const lines = stdout.split('\n');
	assert.ok(lines.length > 700_000);
	assert.ok(lines.every((line) => line.length <= 70));
	assert.equal(stdout.split(/\s+/).filter(Boolean).length, 7_800_000);
});

test('HTML nested 10,000 levels deep is read without a crash', () => {
	const html = `<!DOCTYPE html><html><body>${'<div>'.repeat(10_000)}<p>At the bottom of it all.</p>${'</div>'.repeat(10_000)}</body></html>`;
	const {status, stdout} = print(file('deep.html', html));
	assert.equal(status, 0);
	assert.match(stdout, /At the bottom of it all\./);
});

test('an EPUB that is not a zip, a broken zip, and a zip with no package are clear errors', () => {
	expectError(
		file('fake.epub', 'This is plain text with an epub name.'),
		/^ficterm: .*fake\.epub is not an EPUB: it is not a zip file\n$/,
	);
	const zip = zipSync(epub({'a.xhtml': page('x')}, ['a.xhtml']));
	expectError(
		file('cut.epub', zip.slice(0, zip.length - 40)),
		/^ficterm: .*cut\.epub: this EPUB is not a readable zip file/,
	);
	expectError(
		file(
			'no-opf.epub',
			zipSync({mimetype: encoder.encode('application/epub+zip'), 'x.txt': encoder.encode('x')}),
		),
		/^ficterm: .*no-opf\.epub: this EPUB has no package file/,
	);
});

test('an EPUB with a missing spine item reads the rest and says so', () => {
	const files = epub(
		{'one.xhtml': page('The first part survives.'), 'three.xhtml': page('So does the third.')},
		['one.xhtml', 'two.xhtml', 'three.xhtml'],
	);
	const {status, stdout, stderr} = print(file('holes.epub', zipSync(files)));
	assert.equal(status, 0);
	assert.match(stdout, /The first part survives\.[^]*So does the third\./);
	assert.match(stderr, /^ficterm: warning: the EPUB is missing two\.xhtml; it was skipped\n$/);
});

test('an EPUB with one damaged document reads the rest, with a note where it was', () => {
	const zip = zipSync(
		epub(
			{
				'one.xhtml': page('The first part survives.'),
				'two.xhtml': page(`A part lost in transit. ${'Lorem ipsum dolor sit amet. '.repeat(40)}`),
				'three.xhtml': page('So does the third.'),
			},
			['one.xhtml', 'two.xhtml', 'three.xhtml'],
		),
	);
	// The second document's deflate stream starts with a block of the reserved type: zlib refuses it.
	const view = new DataView(zip.buffer, zip.byteOffset);
	const name = encoder.encode('two.xhtml');
	let at = 0;
	while (
		view.getUint32(at, true) !== 0x04034b50 ||
		view.getUint16(at + 26, true) !== name.length ||
		!zip.subarray(at + 30, at + 30 + name.length).every((byte, index) => byte === name[index])
	)
		at++;
	zip.fill(0xff, at + 30 + name.length + view.getUint16(at + 28, true), at + 40 + name.length);
	const {status, stdout, stderr} = print(file('damaged.epub', zip));
	assert.equal(status, 0, stderr);
	assert.match(
		stdout,
		/The first part survives\.\s+\[This part of the book could not be read: two\.xhtml is\s+damaged\.\]\s+So does the third\./,
	);
	assert.doesNotMatch(stdout, /lost in transit/);
	assert.match(
		stderr,
		/^ficterm: warning: the EPUB's two\.xhtml is damaged \(invalid block type\); the rest was read\n$/,
	);
});

test('a zip bomb is refused by its size and by its number of entries', () => {
	const bomb = zipSync(epub({'a.xhtml': page('small')}, ['a.xhtml']));
	// Claim 600 MB for the document in both headers, as a bomb would.
	const view = new DataView(bomb.buffer, bomb.byteOffset);
	const size = encoder.encode(page('small')).length;
	for (let at = 0; at < bomb.length - 30; at++) {
		const signature = view.getUint32(at, true);
		const field = signature === 0x04034b50 ? 22 : signature === 0x02014b50 ? 24 : 0;
		if (field && view.getUint32(at + field, true) === size)
			view.setUint32(at + field, 600 * 1024 * 1024, true);
	}

	expectError(
		file('bomb.epub', bomb),
		/^ficterm: .*bomb\.epub: the EPUB's a\.xhtml: it unpacks to more than 128 MB; it may be a zip bomb\n$/,
	);
	const many = Object.fromEntries(
		Array.from({length: 10_001}, (_, index) => [`f${index}.txt`, new Uint8Array(0)]),
	);
	expectError(
		file('many.epub', zipSync({...epub({'a.xhtml': page('x')}, ['a.xhtml']), ...many})),
		/^ficterm: .*many\.epub: the EPUB has more than 10000 files\n$/,
	);
});

test('a huge picture the book never shows does not stop it from opening', () => {
	const picture = new Uint8Array(4096);
	const zip = zipSync({
		...epub({'a.xhtml': page('The story is all here.')}, ['a.xhtml']),
		'cover.png': picture,
	});
	// The picture says it unpacks to 200 MB, more than any one part of a book may.
	const view = new DataView(zip.buffer, zip.byteOffset);
	for (let at = 0; at < zip.length - 30; at++) {
		const signature = view.getUint32(at, true);
		const field = signature === 0x04034b50 ? 22 : signature === 0x02014b50 ? 24 : 0;
		if (field && view.getUint32(at + field, true) === picture.length)
			view.setUint32(at + field, 200 * 1024 * 1024, true);
	}

	const {status, stdout, stderr} = print(file('big-picture.epub', zip));
	assert.equal(status, 0, stderr);
	assert.match(stdout, /The story is all here\./);
	assert.equal(stderr, '');
});

test('a zip entry that inflates past its declared size stops there: the EPUB is damaged', () => {
	const big = page(`Padding${' '.repeat(64 * 1024 * 1024)}`);
	const zip = zipSync(epub({'a.xhtml': big}, ['a.xhtml']));
	// Both headers claim 2,000 bytes for 64 MB of text, as a lying zip would.
	const view = new DataView(zip.buffer, zip.byteOffset);
	for (let at = 0; at < zip.length - 30; at++) {
		const signature = view.getUint32(at, true);
		const field = signature === 0x04034b50 ? 22 : signature === 0x02014b50 ? 24 : 0;
		if (field && view.getUint32(at + field, true) === big.length)
			view.setUint32(at + field, 2000, true);
	}

	const started = performance.now();
	expectError(
		file('liar.epub', zip),
		/^ficterm: .*liar\.epub: the EPUB is damaged: a\.xhtml does not unpack to the size its zip directory gives\n$/,
	);
	assert.ok(performance.now() - started < 20_000);
});

test('an EPUB whose paths leave its root is refused', () => {
	const files = epub({'a.xhtml': page('x')}, ['../../etc/passwd']);
	expectError(
		file('escape.epub', zipSync(files)),
		/^ficterm: .*escape\.epub: the EPUB points outside itself \(\.\.\/\.\.\/etc\/passwd\)\n$/,
	);
});

test('one item of an EPUB that points outside the zip is dropped, and the book read', () => {
	const files = epub({'a.xhtml': page('The book is still here.')}, ['../../etc/passwd', 'a.xhtml']);
	const {status, stdout, stderr} = print(file('one-outside.epub', zipSync(files)));
	assert.equal(status, 0, stderr);
	assert.match(stdout, /The book is still here\./);
});

test('a work with no text at all is a clear error', () => {
	expectError(
		file(
			'blank.html',
			'<!DOCTYPE html><html><head><script>var x = 1;</script></head><body>   </body></html>',
		),
		/holds no text\n$/,
	);
	expectError(file('blank.txt', '\n\n   \n\t\n'), /holds no text\n$/);
	expectError(
		file('blank.epub', zipSync(epub({'a.xhtml': '<html><body></body></html>'}, ['a.xhtml']))),
		/holds no text\n$/,
	);
});

test('escape sequences in a work never reach the output, in any format', () => {
	const hostile =
		'Safe \u001B]0;PWNED\u0007text \u001B[2J\u001B[31mred\u001B[0m \u001B]52;c;Y2xpcA==\u0007and \u001BP1$r\u001B\\ more \u009B31m.';
	const html = `<!DOCTYPE html><html><head><title>T\u001B]2;PWNED\u0007</title></head><body><h1>Title &#27;]0;PWNED&#7;</h1><p>${hostile}</p><p>&#27;[2Jentity &#155;1m</p></body></html>`;
	for (const path of [
		file('hostile.txt', `${hostile}\n`),
		file('hostile.html', html),
		file('hostile.epub', zipSync(epub({'a.xhtml': page(hostile)}, ['a.xhtml']))),
	]) {
		for (const args of [['--print'], ['--toc'], ['--toc', '--json']]) {
			const result = spawnSync(process.execPath, [cliPath, ...args, path], {
				encoding: 'utf8',
				env: {...process.env, FICTERM_HOME: join(folder, 'home')},
			});
			assert.equal(result.status, 0, result.stderr);
			assert.doesNotMatch(
				result.stdout + result.stderr,
				/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/,
				`${args.join(' ')} ${path}`,
			);
			assert.doesNotMatch(result.stdout, /PWNED/);
		}
	}

	const printed = print(join(folder, 'hostile.txt')).stdout;
	assert.match(printed, /Safe text red and more \./);
	assert.ok(printed.split('\n').every((line) => stringWidth(line) <= 60));
});
