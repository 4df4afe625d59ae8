// Every real file of the shared corpus, paged through in a real terminal, shows only --print lines.

import assert from 'node:assert/strict';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {projectRoot} from './terminal.ts';
import {pageThrough} from './page-through.ts';

// The corpus of real files lives beside the repository (../shared/corpus), in CI as here.
const corpus = join(projectRoot, '../shared/corpus');
const files = existsSync(corpus)
	? readdirSync(corpus, {withFileTypes: true})
			.filter((entry) => entry.isDirectory())
			.flatMap((folder) =>
				readdirSync(join(corpus, folder.name)).map((name) => join(corpus, folder.name, name)),
			)
	: [];

// CI always has shared/ beside the clone: there a missing corpus is a failure, not a skip.
test(
	'the shared corpus is there to page through',
	{skip: !process.env['CI'] && files.length === 0},
	() => {
		assert.ok(files.length >= 18, `only ${files.length} corpus files under ${corpus}`);
	},
);

for (const path of files) {
	test(`page through ${path.slice(corpus.length + 1)}`, async () => {
		await pageThrough(path);
	});
}
