import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {keyListIn, keyListMarkdown, readmePath} from '../scripts/readme-keys.ts';

test('the readme lists the keys of the key table (npm run readme-keys writes them)', async () => {
	const listed = keyListIn(readFileSync(readmePath, 'utf8'));
	assert.ok(listed, 'the readme has the key list markers');
	assert.equal(listed, await keyListMarkdown());
});
