import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, beforeEach, describe, test} from 'node:test';
import {workFromBytes} from '../../source/formats/open-work.ts';
import type {LocalPlace} from '../../source/sync/engine.ts';
import {readStatus, saveAccount} from '../../source/sync/kosync-account.ts';
import {configuredEngines} from '../../source/sync/engines.ts';
import {KosyncEngine, kosyncPercentage, workDocument} from '../../source/sync/kosync-engine.ts';
import {readQueue} from '../../source/sync/kosync-queue.ts';
import {partialMd5} from '../../source/sync/partial-md5.ts';
import {fractionAt} from '../../source/work/progress.ts';
import type {Anchor} from '../../source/work/anchor.ts';
import type {Work} from '../../source/work/types.ts';
import {zipFolder} from '../helpers/epub.ts';
import {startKosyncServer, type KosyncServer} from '../helpers/kosync-server.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const laptop = {id: 'a'.repeat(32), name: 'laptop'};
const signal = () => AbortSignal.timeout(20_000);

function epubOnDisk(): {work: Work; path: string} {
	const bytes = zipFolder('test/fixtures/epub/cold-iron-stars.epub.d');
	const path = join(mkdtempSync(join(tmpdir(), 'ficterm-kosync-')), 'cold-iron-stars.epub');
	writeFileSync(path, bytes);
	return {work: workFromBytes(bytes, path), path};
}

const blockStarting = (work: Work, start: string) =>
	work.blocks.findIndex((block) => block.text.startsWith(start));

function placeAt(work: Work, anchor: Anchor): LocalPlace {
	return {
		anchor,
		fraction: fractionAt(work, anchor),
		updatedAt: new Date().toISOString(),
		bookmarks: [],
		deletedBookmarks: [],
	};
}

describe('the kosync engine', () => {
	let server: KosyncServer;
	let folder: string;
	let engine: KosyncEngine;
	const synced = epubOnDisk();
	let fileId = '';
	before(async () => {
		server = await startKosyncServer();
		server.users.set('reader', md5('pw'));
		fileId = await partialMd5(synced.path);
	});
	after(() => server.close());
	beforeEach(() => {
		server.documents.clear();
		server.misbehave = undefined;
		folder = mkdtempSync(join(tmpdir(), 'ficterm-kosync-home-'));
		engine = new KosyncEngine({
			folder,
			account: {url: server.url, user: 'reader', key: md5('pw')},
			device: laptop,
		});
	});

	test('the EPUB is opened when places are first pulled: the push on quitting, which has little time, reads no file', async () => {
		const copy = epubOnDisk();
		await engine.pull(copy, signal());
		// Gone from the disk after the pull, the file is still what the push names places in.
		rmSync(copy.path);
		const {work} = copy;
		const anchor = {block: blockStarting(work, 'Three days later'), offset: 0};
		await engine.push(copy, placeAt(work, anchor), signal());
		const file = server.documents.get(`reader:${fileId}`)!;
		assert.equal(file.progress, '/body[1]/DocFragment[3]/body[1]/p[4]/text()[1].0');
	});

	test('a push leaves the XPointer and percentage KOReader computes under the file, and the anchor under the work', async () => {
		const {work} = synced;
		const anchor = {block: blockStarting(work, 'Three days later'), offset: 0};
		await engine.push(synced, placeAt(work, anchor), signal());
		assert.deepEqual(engine.problems(), []);
		const file = server.documents.get(`reader:${fileId}`)!;
		// c2.xhtml is the third itemref (after the non-linear cover and chapter 1); the paragraph its fourth p.
		assert.equal(file.progress, '/body[1]/DocFragment[3]/body[1]/p[4]/text()[1].0');
		assert.equal(file.percentage, kosyncPercentage(fractionAt(work, anchor)));
		assert.equal(file.device, 'laptop');
		assert.equal(file.device_id, laptop.id);
		const own = server.documents.get(`reader:${workDocument(work)}`)!;
		assert.equal(JSON.parse(own.progress).block, anchor.block);
		assert.ok(readStatus(folder).lastSuccess);
	});

	test('a KOReader place on the server (its older XPointer form) opens at that paragraph', async () => {
		const {work} = synced;
		server.documents.set(`reader:${fileId}`, {
			progress: '/body/DocFragment[3]/body/p[2]/text().7',
			percentage: 0.5,
			device: 'Kobo Libra 2',
			device_id: 'kobo',
			timestamp: 1_800_000_000,
		});
		const [place] = await engine.pull(synced, signal());
		assert.deepEqual(place?.anchor, {
			block: blockStarting(work, '"We could turn back,"'),
			offset: 7,
		});
		assert.equal(place?.exact, true);
		assert.equal(place?.device, 'Kobo Libra 2');
		assert.equal(place?.updatedAt, new Date(1_800_000_000_000).toISOString());
	});

	test('an XPointer ficterm cannot place falls back to the percentage, marked approximate', async () => {
		server.documents.set(`reader:${fileId}`, {
			progress: '/body/DocFragment[40]/body/p[2]/text().7',
			percentage: 0.5,
			device: 'Kobo',
			device_id: 'kobo',
			timestamp: 1_800_000_000,
		});
		const [place] = await engine.pull(synced, signal());
		assert.equal(place?.exact, false);
		assert.ok(Math.abs(fractionAt(synced.work, place!.anchor) - 0.5) < 0.2);
	});

	test('of the two ids the newer place wins; this device own place is not news', async () => {
		const {work} = synced;
		const other = new KosyncEngine({
			folder: mkdtempSync(join(tmpdir(), 'ficterm-kosync-desk-')),
			account: {url: server.url, user: 'reader', key: md5('pw')},
			device: {id: 'b'.repeat(32), name: 'desktop'},
		});
		let now = 1_800_000_000;
		server.now = () => now;
		const anchor = {block: blockStarting(work, 'Pell was already aboard'), offset: 4};
		await other.push(synced, placeAt(work, anchor), signal());
		assert.deepEqual((await engine.pull(synced, signal()))[0]?.anchor, anchor);
		// KOReader then moves on, later: its place is the newer.
		now += 60;
		server.documents.set(`reader:${fileId}`, {
			progress: '/body/DocFragment[3]/body/p[4]/text().0',
			percentage: 0.9,
			device: 'Kobo',
			device_id: 'kobo',
			timestamp: now,
		});
		const [place] = await engine.pull(synced, signal());
		assert.equal(place?.device, 'Kobo');
		assert.equal(place?.anchor.block, blockStarting(work, 'Three days later'));
		// What this device pushed itself is never offered back to it.
		server.documents.clear();
		await engine.push(synced, placeAt(work, anchor), signal());
		assert.deepEqual(await engine.pull(synced, signal()), []);
		server.now = () => Math.floor(Date.now() / 1000);
	});

	test('an older local place does not overwrite a newer one another device left on the server', async () => {
		const {work} = synced;
		const kobo = {
			progress: '/body/DocFragment[3]/body/p[4]/text().0',
			percentage: 0.9,
			device: 'Kobo',
			device_id: 'kobo',
			timestamp: Math.floor(Date.now() / 1000),
		};
		server.documents.set(`reader:${fileId}`, kobo);
		const before = {
			...placeAt(work, {block: 3, offset: 0}),
			updatedAt: new Date(Date.now() - 60_000).toISOString(),
		};
		await engine.push(synced, before, signal());
		assert.deepEqual(server.documents.get(`reader:${fileId}`), kobo);
		// A place made after it does replace it.
		const later = {
			...placeAt(work, {block: 3, offset: 0}),
			updatedAt: new Date(Date.now() + 5000).toISOString(),
		};
		await engine.push(synced, later, signal());
		assert.equal(server.documents.get(`reader:${fileId}`)!.device, 'laptop');
	});

	test('offline, a push is queued in a private file and sent with the next push that gets through', async () => {
		const {work} = synced;
		server.misbehave = () => ({status: 503, body: '{"message":"down"}'});
		await engine.push(synced, placeAt(work, {block: 3, offset: 0}), signal());
		await engine.push(synced, placeAt(work, {block: 4, offset: 0}), signal());
		// Told once, not at every push.
		assert.deepEqual(engine.problems(), ['kosync: the server answered 503: down']);
		assert.equal(readQueue(folder).length, 2);
		assert.equal(statSync(join(folder, 'kosync-queue.json')).mode & 0o777, 0o600);
		assert.match(readStatus(folder).lastFailure?.message ?? '', /503/);
		server.misbehave = undefined;
		const other = workFromBytes(Buffer.from('Chapter 1\n\nOther text.\n'), 'other.txt');
		await engine.push(
			{work: other, path: 'other.txt'},
			placeAt(other, {block: 1, offset: 0}),
			signal(),
		);
		assert.deepEqual(readQueue(folder), []);
		assert.equal(
			JSON.parse(server.documents.get(`reader:${workDocument(work)}`)!.progress).block,
			4,
		);
		assert.match(server.documents.get(`reader:${fileId}`)!.progress, /^\/body\[1\]\/DocFragment/);
	});

	test('a pull that gets through sends what waited offline', async () => {
		const {work} = synced;
		server.misbehave = () => ({status: 503, body: ''});
		await engine.push(synced, placeAt(work, {block: 3, offset: 0}), signal());
		assert.equal(readQueue(folder).length, 2);
		server.misbehave = undefined;
		await engine.pull(synced, signal());
		assert.deepEqual(readQueue(folder), []);
		assert.equal(
			JSON.parse(server.documents.get(`reader:${workDocument(work)}`)!.progress).block,
			3,
		);
	});

	test('a queued place older than the server one is dropped, not sent over it', async () => {
		const {work} = synced;
		server.misbehave = () => ({status: 502, body: ''});
		await engine.push(synced, placeAt(work, {block: 3, offset: 0}), signal());
		server.misbehave = undefined;
		server.documents.set(`reader:${workDocument(work)}`, {
			progress: 'newer',
			percentage: 0.9,
			device: 'desktop',
			device_id: 'b'.repeat(32),
			timestamp: Math.floor(Date.now() / 1000) + 100,
		});
		const other = workFromBytes(Buffer.from('Chapter 1\n\nOther text.\n'), 'other.txt');
		await engine.push(
			{work: other, path: 'other.txt'},
			placeAt(other, {block: 1, offset: 0}),
			signal(),
		);
		assert.equal(server.documents.get(`reader:${workDocument(work)}`)!.progress, 'newer');
		assert.deepEqual(readQueue(folder), []);
	});

	test('a wrong password is told, never queued; a hostile answer is ignored with a message', async () => {
		const wrong = new KosyncEngine({
			folder,
			account: {url: server.url, user: 'reader', key: md5('nope')},
			device: laptop,
		});
		await wrong.push(synced, placeAt(synced.work, {block: 3, offset: 0}), signal());
		assert.match(wrong.problems()[0] ?? '', /did not accept/);
		assert.deepEqual(readQueue(folder), []);
		server.misbehave = () => ({
			status: 200,
			body: JSON.stringify({percentage: 0.5, progress: 'x', device: '\u001B[31mred', timestamp: 1}),
		});
		assert.deepEqual(await engine.pull(synced, signal()), []);
		assert.match(engine.problems()[0] ?? '', /device name/);
	});

	test('other formats: only the work id is pushed; a KOReader percentage is read as a share', async () => {
		const text = 'Chapter 1\n\n' + 'A line of the story.\n\n'.repeat(40);
		const path = join(mkdtempSync(join(tmpdir(), 'ficterm-kosync-')), 'story.txt');
		writeFileSync(path, text);
		const work = workFromBytes(readFileSync(path), path);
		await engine.push({work, path}, placeAt(work, {block: 10, offset: 0}), signal());
		assert.deepEqual([...server.documents.keys()], [`reader:${workDocument(work)}`]);
		server.documents.clear();
		server.documents.set(`reader:${await partialMd5(path)}`, {
			progress: '/body/DocFragment/body/pre/text().400',
			percentage: 0.5,
			device: 'Kobo',
			device_id: 'kobo',
			timestamp: 1_800_000_000,
		});
		const [place] = await engine.pull({work, path}, signal());
		assert.equal(place?.exact, false);
		assert.ok(Math.abs(fractionAt(work, place!.anchor) - 0.5) < 0.05);
	});

	test('a push cut short by quitting was queued before it was sent, and goes out at the next start', async () => {
		const {work} = synced;
		await engine.pull(synced, signal()); // The file is opened and named, as in a reader by then.
		server.misbehave = () => 'hang';
		const quitting = new AbortController();
		const pushed = engine.push(synced, placeAt(work, {block: 5, offset: 0}), quitting.signal);
		// Well inside the client's own 5 s time-out, after which a failed push was always queued.
		const deadline = Date.now() + 2500;
		while (readQueue(folder).length < 2 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 10));
		assert.equal(readQueue(folder).length, 2, 'queued while the request is still unanswered');
		quitting.abort();
		await pushed;
		assert.equal(readQueue(folder).length, 2);

		server.misbehave = undefined;
		const next = new KosyncEngine({
			folder,
			account: {url: server.url, user: 'reader', key: md5('pw')},
			device: laptop,
		});
		await next.pull(synced, signal());
		assert.deepEqual(readQueue(folder), []);
		assert.equal(
			JSON.parse(server.documents.get(`reader:${workDocument(work)}`)!.progress).block,
			5,
		);
	});

	test('a server that never answers: push and pull end within the time-out, never throw', async () => {
		server.misbehave = () => 'hang';
		const started = Date.now();
		await engine.push(synced, placeAt(synced.work, {block: 3, offset: 0}), signal());
		assert.deepEqual(await engine.pull(synced, signal()), []);
		assert.ok(Date.now() - started < 14_000);
		assert.match(engine.problems()[0] ?? '', /no answer/);
		assert.equal(readQueue(folder).length, 2);
	});
});

test('the engines list has the kosync engine only when someone is logged in', () => {
	const home = mkdtempSync(join(tmpdir(), 'ficterm-kosync-home-'));
	const names = () => configuredEngines({}, () => laptop, home).map((engine) => engine.name);
	assert.deepEqual(names(), []);
	saveAccount(home, {url: 'https://sync.example.org', user: 'reader', key: md5('pw')});
	assert.deepEqual(names(), ['kosync server']);
});
