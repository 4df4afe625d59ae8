// Keys typed while a long work is still being read give the screen they give once it is read.

import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {generatedFile} from '../bench/generate.ts';
import {Terminal} from './terminal.ts';

const loaded = (screen: string[]) => /\d+%\s*$/.test(screen.at(-1)!);

async function screenAfter(path: string, home: string, keys: string[], early: boolean) {
	const terminal = new Terminal(home);
	try {
		terminal.start([path], {columns: 100, rows: 30});
		await terminal.waitFor(
			(screen) => screen.some((row) => row.includes('Benchmark')),
			'the first screen',
			30_000,
		);
		if (!early) await terminal.waitFor(loaded, 'the whole work read', 30_000);
		// The text rows, not the status line, which also changes when the whole work arrives.
		const before = terminal.screen().slice(0, -1).join('\n');
		for (const key of keys) terminal.type(key);
		// The same keys typed after loading settle on this screen; typed early, they must too.
		return await terminal.waitFor(
			(screen) =>
				loaded(screen) &&
				screen.slice(0, -1).join('\n') !== before &&
				!screen.join('\n').includes('Reading the whole work'),
			'the keys applied',
			30_000,
		);
	} finally {
		await terminal.close(false);
	}
}

for (const format of ['ao3-text', 'epub']) {
	test(`${format}: G, 50%, the contents and a search typed during loading match the same keys after it`, async (t) => {
		const folder = mkdtempSync(join(tmpdir(), 'ficterm-loading-'));
		t.after(() => rmSync(folder, {recursive: true, force: true}));
		const {bytes, extension} = generatedFile(format, 1_000_000);
		const path = join(folder, `long.${extension}`);
		writeFileSync(path, bytes);
		for (const keys of [['G'], ['5', '0', '%'], ['t', 'j', 'j'], ['/Inspector\r', 'n']]) {
			const name = keys.join('').replaceAll(/\W/g, '_');
			const later = await screenAfter(path, join(folder, `later-${name}`), keys, false);
			const early = await screenAfter(path, join(folder, `early-${name}`), keys, true);
			assert.deepEqual(early, later, `after ${keys.join('')}`);
			// A search that found nothing would match too: the work's search index is read to find it.
			if (keys[0]!.startsWith('/')) assert.ok(later.some((row) => row.includes('Inspector')));
		}
	});
}
