import assert from 'node:assert/strict';
import {syncBuiltinESMExports} from 'node:module';
import {test} from 'node:test';
import zlib from 'node:zlib';
import {zipSync} from 'fflate';
import {ZipEntries} from '../../source/formats/zip-entries.ts';

const encoder = new TextEncoder();

/** A zip whose entry `name` claims `size` bytes in both its headers. */
function lyingZip(name: string, content: Uint8Array, size: number): Uint8Array {
	const zip = zipSync({[name]: content, 'ok.txt': encoder.encode('fine')});
	const view = new DataView(zip.buffer, zip.byteOffset);
	for (let at = 0; at < zip.length - 30; at++) {
		const signature = view.getUint32(at, true);
		const field = signature === 0x04034b50 ? 22 : signature === 0x02014b50 ? 24 : 0;
		if (field && view.getUint32(at + field, true) === content.length)
			view.setUint32(at + field, size, true);
	}

	return zip;
}

test('an entry inflates to exactly its declared size, stored or deflated', () => {
	const text = 'The lamp was lit at dusk. '.repeat(2000);
	const zip = zipSync({
		'deflated.txt': encoder.encode(text),
		'stored.txt': [encoder.encode('as is'), {level: 0}],
	});
	const entries = new ZipEntries(zip);
	assert.equal(new TextDecoder().decode(entries.get('deflated.txt')), text);
	assert.equal(new TextDecoder().decode(entries.get('stored.txt')), 'as is');
	assert.equal(entries.get('absent.txt'), undefined);
});

test('an entry that unpacks to more or less than it declares is damaged, found without inflating it all', () => {
	const damaged = /the EPUB is damaged: a\.txt does not unpack to the size its zip directory gives/;
	const big = new Uint8Array(8 * 1024 * 1024).fill(32);
	const started = performance.now();
	assert.throws(() => new ZipEntries(lyingZip('a.txt', big, 2000)).get('a.txt'), damaged);
	assert.ok(performance.now() - started < 5000);
	// Declared empty: even one byte more is too much.
	assert.throws(() => new ZipEntries(lyingZip('a.txt', big, 0)).get('a.txt'), damaged);
	const short = encoder.encode('short text');
	assert.throws(() => new ZipEntries(lyingZip('a.txt', short, 500)).get('a.txt'), damaged);
	assert.equal(
		new TextDecoder().decode(new ZipEntries(lyingZip('a.txt', short, 500)).get('ok.txt')),
		'fine',
	);
});

test('a deflated entry cut short is an unreadable zip, in one line', () => {
	const text = encoder.encode('Words that will not all arrive. '.repeat(500));
	const zip = zipSync({'a.txt': text});
	const view = new DataView(zip.buffer, zip.byteOffset);
	// Shrink the compressed size the central directory gives, so that the stream stops midway.
	for (let at = 0; at < zip.length - 46; at++) {
		if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 20, 20, true);
	}

	assert.throws(
		() => new ZipEntries(zip).get('a.txt'),
		/this EPUB is not a readable zip file \(a\.txt: unexpected end of file\)/,
	);
});

test('an entry is inflated into one buffer of its declared size, not joined from small chunks', (t) => {
	// Joining 16 kB chunks took half the time of inflating a 20 MB package (spine.epub's).
	const text = 'The lamp was lit at dusk. '.repeat(40_000);
	const entries = new ZipEntries(zipSync({'long.txt': encoder.encode(text)}));
	const inflate = t.mock.method(zlib, 'inflateRawSync');
	syncBuiltinESMExports();
	t.after(() => {
		inflate.mock.restore();
		syncBuiltinESMExports();
	});
	assert.equal(new TextDecoder().decode(entries.get('long.txt')), text);
	assert.equal(inflate.mock.callCount(), 1);
	const options = inflate.mock.calls[0]!.arguments[1] as zlib.ZlibOptions;
	assert.ok((options.chunkSize ?? zlib.constants.Z_DEFAULT_CHUNK) > text.length);
});
