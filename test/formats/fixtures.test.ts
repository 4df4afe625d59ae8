// Every fixture under test/fixtures/<format>/ must produce the outline stored beside it.

import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {outlineJson} from '../../source/outline-output.ts';
import {loadWork} from '../../source/work/load.ts';

const root = new URL('../fixtures/', import.meta.url).pathname;

for (const format of readdirSync(root)) {
	const folder = join(root, format);
	for (const name of readdirSync(folder)) {
		if (name.endsWith('.expected.json')) continue;
		const expectedPath = join(folder, name.replace(/\.[^.]+$/, '.expected.json'));
		let expected: string;
		try {
			expected = readFileSync(expectedPath, 'utf8');
		} catch {
			continue;
		}

		test(`${format}/${name} gives its expected outline`, () => {
			const actual = JSON.parse(outlineJson(loadWork(join(folder, name))));
			assert.deepEqual(actual, JSON.parse(expected));
			assert.equal(actual.format, format.replace(/-\d+$/, ''));
		});
	}
}
