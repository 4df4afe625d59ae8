// A large text file opens on its start while the whole of it is read off the main thread; any
// other file is read whole at once.

import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {previewBytes, previewFromBytes} from '../../source/formats/open-work.ts';
import {readWorkStart} from '../../source/formats/read-work-file.ts';
import {LoadError} from '../../source/work/decode.ts';
import {generatedFile} from '../bench/generate.ts';

const folder = mkdtempSync(join(tmpdir(), 'ficterm-start-'));
test.after(() => rmSync(folder, {recursive: true, force: true}));

function written(name: string, bytes: Uint8Array): string {
	const path = join(folder, name);
	writeFileSync(path, bytes);
	return path;
}

test('a large text file comes as its start, and the whole of it a moment later', async () => {
	const {bytes} = generatedFile('text', 600_000);
	assert.ok(bytes.length > 2 * 1024 * 1024);
	const path = written('long.txt', bytes);
	const start = readWorkStart(path);
	assert.ok('head' in start);
	assert.ok(Buffer.from(start.head).equals(bytes.subarray(0, previewBytes)));
	assert.ok(Buffer.from(await start.rest).equals(bytes));
	// The preview from the start alone is the preview from the whole file.
	assert.deepEqual(previewFromBytes(start.head, path, bytes.length), previewFromBytes(bytes, path));
});

test('a small file, and a large zip, are read whole at once', () => {
	const small = generatedFile('text', 6000).bytes;
	const short = readWorkStart(written('short.txt', small));
	assert.ok('bytes' in short && Buffer.from(short.bytes).equals(small));
	const epub = generatedFile('epub', 1_000_000).bytes;
	assert.ok(epub.length > 512 * 1024);
	const zip = readWorkStart(written('long.epub', epub));
	assert.ok('bytes' in zip && Buffer.from(zip.bytes).equals(epub));
});

test('a file gone before the whole of it is read is a one-line error, not a crash', async () => {
	const path = written('gone.txt', generatedFile('text', 600_000).bytes);
	const start = readWorkStart(path);
	assert.ok('rest' in start);
	// Read by the thread pool: removing the file now may or may not come first.
	rmSync(path);
	await start.rest.then(
		(bytes) => assert.ok(bytes.length > 0),
		(error: unknown) => {
			assert.ok(error instanceof LoadError);
			assert.match(error.message, /^cannot read .*gone\.txt: ENOENT$/);
		},
	);
	assert.throws(() => readWorkStart(path), /no such file/);
	assert.throws(() => readWorkStart(folder), /is a folder/);
});
