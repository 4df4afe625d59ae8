import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import {test} from 'node:test';

const root = new URL('..', import.meta.url).pathname;
// npm scripts put the pinned Node first on the PATH; the machine's own is what `npm install` meets.
const machinePath = (process.env['PATH'] ?? '')
	.split(delimiter)
	.filter((folder) => !folder.includes('node_modules'))
	.join(delimiter);
const machineNode = spawnSync('node', ['--version'], {
	env: {...process.env, PATH: machinePath},
	encoding: 'utf8',
}).stdout.trim();

test(`npm install says nothing of engines on the machine's Node (${machineNode || 'none'})`, (t) => {
	if (!/^v\d+/.test(machineNode) || Number(machineNode.slice(1).split('.')[0]) >= 22) {
		t.skip('the machine has no Node older than 22 to install with');
		return;
	}

	const folder = mkdtempSync(join(tmpdir(), 'ficterm-install-'));
	for (const file of ['package.json', 'package-lock.json', '.npmrc'])
		copyFileSync(join(root, file), join(folder, file));
	const install = spawnSync(
		'npm',
		['install', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'],
		{cwd: folder, env: {...process.env, PATH: machinePath}, encoding: 'utf8'},
	);
	assert.equal(install.status, 0, install.stderr);
	assert.doesNotMatch(install.stdout + install.stderr, /EBADENGINE|Unsupported engine/);
});
