// Reading with a kosync login, in a real terminal (tmux) against the in-test server: the place
// read to is on the server as KOReader names it, and a place KOReader left there is followed.

import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {saveAccount} from '../../source/sync/kosync-account.ts';
import {partialMd5} from '../../source/sync/partial-md5.ts';
import {Terminal} from '../e2e/terminal.ts';
import {zipFolder} from '../helpers/epub.ts';
import {startKosyncServer, type KosyncServer} from '../helpers/kosync-server.ts';

const key = createHash('md5').update('pw').digest('hex');
// Few rows, so that a chapter of this short work can come to the top; wide enough for the message.
const size = {columns: 120, rows: 6};

let server: KosyncServer;
before(async () => {
	server = await startKosyncServer();
	server.users.set('reader', key);
});
after(() => server.close());

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

test('read an EPUB to a chapter: the server holds its XPointer; a KOReader place is followed', async (t) => {
	const first = new Terminal();
	t.after(() => first.close(false));
	saveAccount(first.home, {url: server.url, user: 'reader', key});
	const path = join(first.home, 'cold-iron-stars.epub');
	writeFileSync(path, zipFolder('test/fixtures/epub/cold-iron-stars.epub.d'));
	const file = `reader:${await partialMd5(path)}`;

	first.start([path], size);
	await first.waitForText('Cold Iron Stars');
	first.type('2g');
	await first.waitFor((rows) => rows[0]!.includes('Chapter 2'), 'chapter 2 at the top');
	// c2.xhtml is the third itemref (the cover is linear="no"); its heading is the body's first h1.
	// Waited for before quitting: the push 2 s after the moves stop is not bounded by the quit's
	// 300 ms, which a loaded machine can outlast.
	await until(
		() =>
			server.documents.get(file)?.progress === '/body[1]/DocFragment[3]/body[1]/h1[1]/text()[1].0',
		`the chapter's XPointer on the server (it holds ${server.documents.get(file)?.progress})`,
	);
	first.press('q');
	await first.waitForText('exited 0');

	// KOReader, later, on the first paragraph of that chapter, in its older form.
	server.documents.set(file, {
		progress: '/body/DocFragment[3]/body/p[1]/text().0',
		percentage: 0.8,
		device: 'Kobo Libra 2',
		device_id: 'kobo',
		timestamp: Math.floor(Date.now() / 1000) + 1,
	});
	const second = new Terminal(first.home);
	t.after(() => second.close());
	second.start([path], size);
	const moved = await second.waitFor(
		(rows) => rows.at(-1)!.includes('Moved to where you stopped on Kobo Libra 2'),
		'the moved message',
	);
	assert.match(moved[0]!, /^\s*The first jump went badly\. The second went worse\./);
});
