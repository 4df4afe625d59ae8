// Real processes saving different works into one store at the same moment: none may lose another's save.

import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {Store} from '../../source/store/store.ts';

const writer = `
import {Store} from ${JSON.stringify(new URL('../../source/store/store.ts', import.meta.url).pathname)};
const [folder, name] = process.argv.slice(-2);
const store = new Store(folder);
for (let round = 0; round < 25; round++) {
	store.saveWork({id: name, title: name, authors: [], path: name, format: 'text',
		anchor: {block: round, offset: 0, snippet: '', opening: '', chapter: 0},
		fraction: round / 25, chapters: 1, words: 1, readAt: new Date().toISOString(), bookmarks: []});
}
`;

test('four processes saving at once keep every work, each at its last place', async () => {
	const folder = mkdtempSync(join(tmpdir(), 'ficterm-concurrent-'));
	try {
		const names = ['one', 'two', 'three', 'four'];
		await Promise.all(
			names.map(
				(name) =>
					new Promise<void>((resolve, reject) => {
						const child = spawn(
							process.execPath,
							['--import', 'tsx', '--input-type=module', '-e', writer, folder, name],
							{stdio: 'inherit'},
						);
						child.on('exit', (code) =>
							code === 0 ? resolve() : reject(new Error(`writer ${name} exited ${code}`)),
						);
					}),
			),
		);
		const store = new Store(folder);
		assert.deepEqual(
			store
				.works()
				.map((work) => work.id)
				.sort(),
			[...names].sort(),
		);
		for (const work of store.works()) assert.equal(work.anchor.block, 24);
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
});
