import assert from 'node:assert/strict';
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {execFileSync} from 'node:child_process';
import type {LocalPlace} from '../../source/sync/engine.ts';
import {FolderEngine} from '../../source/sync/folder-engine.ts';
import {workKey} from '../../source/sync/folder-file.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const work = workOf(generatedText(6));
const synced = {work, path: '/works/test.txt'};
const laptop = {id: 'a'.repeat(32), name: 'laptop'};
const desktop = {id: 'b'.repeat(32), name: 'desktop'};
const signal = new AbortController().signal;

const folders: string[] = [];
const folder = () => {
	const path = mkdtempSync(join(tmpdir(), 'ficterm-syncdir-'));
	folders.push(path);
	return path;
};

after(() => {
	for (const path of folders) {
		chmodSync(path, 0o700);
		rmSync(path, {recursive: true, force: true});
	}
});
const workFolder = (root: string) => join(root, 'ficterm', 'v1', workKey(work.id));

function place(block: number, updatedAt = '2026-01-01T10:00:00.000Z'): LocalPlace {
	return {
		anchor: {block, offset: 4},
		fraction: block / work.blocks.length,
		updatedAt,
		bookmarks: [],
		deletedBookmarks: [],
	};
}

/** A file as the laptop writes it, to be spoiled by a test. */
async function laptopFile(root: string): Promise<string> {
	await new FolderEngine(root, laptop).push(synced, place(12), signal);
	return readFileSync(join(workFolder(root), `${laptop.id}.json`), 'utf8');
}

test('two devices: each writes its own file and reads the other one, found in the work', async () => {
	const root = folder();
	const onLaptop = new FolderEngine(root, laptop);
	const onDesktop = new FolderEngine(root, desktop);
	await onLaptop.push(synced, place(12), signal);
	await onDesktop.push(synced, place(3, '2026-01-01T09:00:00.000Z'), signal);
	assert.deepEqual(readdirSync(workFolder(root)).sort(), [
		`${laptop.id}.json`,
		`${desktop.id}.json`,
	]);
	const seen = await onDesktop.pull(synced, signal);
	assert.equal(seen.length, 1);
	assert.deepEqual(seen[0]!.anchor, {block: 12, offset: 4});
	assert.equal(seen[0]!.device, 'laptop');
	assert.equal(seen[0]!.exact, true);
	assert.equal(seen[0]!.updatedAt, '2026-01-01T10:00:00.000Z');
	const other = await onLaptop.pull(synced, signal);
	assert.deepEqual(other[0]!.anchor, {block: 3, offset: 4});
	assert.deepEqual(onLaptop.problems(), []);
	assert.deepEqual(onDesktop.problems(), []);
});

test('the file holds the place as the store saves it, with snippet, chapter and fraction', async () => {
	const root = folder();
	const file = JSON.parse(await laptopFile(root)) as Record<string, unknown>;
	assert.equal(file['work'], work.id);
	assert.deepEqual(file['device'], laptop);
	const anchor = file['anchor'] as {
		block: number;
		snippet: string;
		opening: string;
		chapter: number;
	};
	assert.equal(anchor.block, 12);
	assert.equal(anchor.snippet, work.blocks[12]!.text.slice(4, 52));
	assert.equal(anchor.opening, work.blocks[12]!.text.slice(0, 32));
	assert.equal(typeof anchor.chapter, 'number');
	assert.equal(file['fraction'], 12 / work.blocks.length);
});

test('a place is found again in another version of the work by its snippet', async () => {
	const root = folder();
	await new FolderEngine(root, laptop).push(synced, place(12), signal);
	// The same work with a paragraph added before the place: the block index moved by one.
	const longer = {...work, blocks: [work.blocks[0]!, work.blocks[1]!, ...work.blocks.slice(1)]};
	const [seen] = await new FolderEngine(root, desktop).pull({...synced, work: longer}, signal);
	assert.deepEqual(seen!.anchor, {block: 13, offset: 4});
});

test("Syncthing's and Dropbox's conflict copies, temporary and partial files are not read", async () => {
	const root = folder();
	const text = await laptopFile(root);
	const dir = workFolder(root);
	const spoiled = text.replace('"laptop"', '"conflict"');
	writeFileSync(join(dir, `${desktop.id}.sync-conflict-20260101-101010-ABCDEFG.json`), spoiled);
	writeFileSync(join(dir, `${desktop.id} (laptop's conflicted copy 2026-01-01).json`), spoiled);
	writeFileSync(join(dir, `.syncthing.${desktop.id}.json.tmp`), text.slice(0, 40));
	writeFileSync(join(dir, `~syncthing~${desktop.id}.json.tmp`), text.slice(0, 40));
	writeFileSync(join(dir, `${desktop.id}.json.part`), text.slice(0, 40));
	const engine = new FolderEngine(root, {id: 'c'.repeat(32), name: 'phone'});
	const seen = await engine.pull(synced, signal);
	assert.deepEqual(
		seen.map((found) => found.device),
		['laptop'],
	);
	assert.deepEqual(engine.problems(), []);
});

test("this device's own file is not read as another device's", async () => {
	const root = folder();
	await laptopFile(root);
	assert.deepEqual(await new FolderEngine(root, laptop).pull(synced, signal), []);
});

test('half-written JSON, wrong types and a wrong device are ignored and told once', async () => {
	const root = folder();
	const text = await laptopFile(root);
	const dir = workFolder(root);
	const engine = new FolderEngine(root, desktop);
	const cases: Array<[string, RegExp]> = [
		[text.slice(0, text.length / 2), /not complete JSON/],
		[text.replace(/"fraction": [\d.e-]+/, '"fraction": "a lot"'), /fraction: expected number/],
		[text.replace(/"block": \d+/, '"block": "twelve"'), /anchor\.block/],
		[text.replace(/"updatedAt": "[^"]+"/, '"updatedAt": "yesterday"'), /updatedAt/],
		[text.replace(/"fraction": [\d.e-]+/, '"fraction": 7'), /fraction/],
		['null', /expected Object, got null/],
		['[]', /format: missing/],
		[text.replace(laptop.id, 'c'.repeat(32)), /device id is not its name/],
		[text.replace(JSON.stringify(work.id), '"ao3:1"'), /another work/],
	];
	for (const [spoiled, problem] of cases) {
		writeFileSync(join(dir, `${laptop.id}.json`), spoiled);
		assert.deepEqual(await engine.pull(synced, signal), [], spoiled.slice(0, 80));
		const told = engine.problems();
		assert.equal(told.length, 1, `${String(problem)}: ${told.join(' | ')}`);
		assert.match(told[0]!, problem);
		// Read again unchanged: not read, not told again.
		assert.deepEqual(await engine.pull(synced, signal), []);
		assert.deepEqual(engine.problems(), []);
	}
});

test('a huge file is not read; a pipe or a link is not opened', async () => {
	const root = folder();
	const text = await laptopFile(root);
	const dir = workFolder(root);
	writeFileSync(
		join(dir, `${laptop.id}.json`),
		text.replace('"laptop"', `"${'x'.repeat(600_000)}"`),
	);
	const engine = new FolderEngine(root, desktop);
	assert.deepEqual(await engine.pull(synced, signal), []);
	assert.match(engine.problems()[0]!, /too large/);
	const pipe = join(dir, `${'d'.repeat(32)}.json`);
	execFileSync('mkfifo', [pipe]);
	symlinkSync('/dev/zero', join(dir, `${'e'.repeat(32)}.json`));
	assert.deepEqual(await engine.pull(synced, signal), []);
});

test('escape sequences in a device name or a bookmark label are made safe', async () => {
	const root = folder();
	const text = await laptopFile(root);
	const hostile = JSON.parse(text) as Record<string, unknown>;
	hostile['device'] = {id: laptop.id, name: 'lap\u001B]0;owned\u0007top\u001B[2J'};
	const anchor = hostile['anchor'] as Record<string, unknown>;
	hostile['bookmarks'] = [
		{...anchor, label: 'Chapter 2\u001B[31m red', createdAt: '2026-01-01T10:00:00.000Z'},
	];
	writeFileSync(join(workFolder(root), `${laptop.id}.json`), JSON.stringify(hostile));
	const [seen] = await new FolderEngine(root, desktop).pull(synced, signal);
	assert.ok(seen);
	assert.doesNotMatch(seen.device, /[\u0000-\u001F\u007F]/);
	assert.match(seen.device, /lap/);
	assert.doesNotMatch(seen.bookmarks![0]!.label, /[\u0000-\u001F]/);
});

test('a missing sync folder is told once and never made; an unwritable one is told', async () => {
	const root = join(folder(), 'unmounted');
	const engine = new FolderEngine(root, laptop);
	assert.deepEqual(await engine.pull(synced, signal), []);
	await engine.push(synced, place(1), signal);
	assert.deepEqual(engine.problems(), [`the sync folder ${root} is missing`]);
	assert.throws(() => readdirSync(root));
	if (process.getuid?.() === 0) return;
	const locked = folder();
	mkdirSync(join(locked, 'ficterm'));
	chmodSync(join(locked, 'ficterm'), 0o500);
	const writer = new FolderEngine(locked, laptop);
	await writer.push(synced, place(1), signal);
	chmodSync(join(locked, 'ficterm'), 0o700);
	assert.match(writer.problems()[0]!, /cannot write to .* \(EACCES\)/);
});
