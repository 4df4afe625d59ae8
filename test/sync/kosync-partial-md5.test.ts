import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {partialMd5, sampleOffsets} from '../../source/sync/partial-md5.ts';

type Samples = {size: number; partialMd5: string; samples: Array<{offset: number; base64: string}>};

const fixture = JSON.parse(
	readFileSync(new URL('./fixtures/leaves-samples.json', import.meta.url), 'utf8'),
) as Samples;

function withFile(bytes: Uint8Array, check: (path: string) => Promise<void>) {
	const folder = mkdtempSync(join(tmpdir(), 'ficterm-md5-'));
	const path = join(folder, 'book.epub');
	writeFileSync(path, bytes);
	return check(path).finally(() => rmSync(folder, {recursive: true, force: true}));
}

test('the offsets are those LuaJIT gives lshift(1024, 2*i) for i = -1..10', () => {
	assert.deepEqual(sampleOffsets.slice(0, 5), [0, 1024, 4096, 16_384, 65_536]);
	assert.equal(sampleOffsets.at(-1), 1024 * 2 ** 20);
	assert.equal(sampleOffsets.length, 12);
});

test("KOReader's own vector: leaves.epub gives 59d481d1…", async () => {
	const bytes = new Uint8Array(fixture.size);
	for (const {offset, base64} of fixture.samples) bytes.set(Buffer.from(base64, 'base64'), offset);
	await withFile(bytes, async (path) => {
		assert.equal(await partialMd5(path), fixture.partialMd5);
	});
});

test('a byte outside the samples does not change the id; one inside does', async () => {
	const bytes = new Uint8Array(5000).fill(7);
	const base = await withFileDigest(bytes);
	bytes[2048] = 9;
	assert.equal(await withFileDigest(bytes), base);
	bytes[4096] = 9;
	assert.notEqual(await withFileDigest(bytes), base);
});

test('an empty file is the md5 of nothing; a short file reads its last sample short', async () => {
	assert.equal(await withFileDigest(new Uint8Array()), 'd41d8cd98f00b204e9800998ecf8427e');
	// 1500 bytes: samples at 0 (1024 bytes) and 1024 (476 bytes), then the end.
	const bytes = new Uint8Array(1500).map((_, index) => index % 251);
	const {createHash} = await import('node:crypto');
	const expected = createHash('md5')
		.update(bytes.subarray(0, 1024))
		.update(bytes.subarray(1024))
		.digest('hex');
	assert.equal(await withFileDigest(bytes), expected);
});

async function withFileDigest(bytes: Uint8Array): Promise<string> {
	let digest = '';
	await withFile(bytes, async (path) => {
		digest = await partialMd5(path);
	});
	return digest;
}
