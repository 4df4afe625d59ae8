import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {cliPath, projectRoot} from './e2e/terminal.ts';

const root = mkdtempSync(join(tmpdir(), 'ficterm-cli-sync-'));
after(() => rmSync(root, {recursive: true, force: true}));
const sample = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');

function run(home: string, ...args: string[]) {
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		encoding: 'utf8',
		env: {...process.env, FICTERM_HOME: home},
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const settings = (home: string) =>
	(JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')) as {settings?: {syncDir?: string}})
		.settings ?? {};

test('--sync-dir is remembered as a setting, and --no-sync forgets it', () => {
	const home = join(root, 'home');
	const synced = join(root, 'Sync');
	mkdirSync(synced);
	const first = run(home, '--sync-dir', synced, '--print', '--width', '60', sample);
	assert.equal(first.status, 0, first.stderr);
	assert.equal(settings(home).syncDir, synced);
	// Printing reads no places and makes no device file.
	assert.equal(existsSync(join(home, 'device.json')), false);
	const off = run(home, '--no-sync', '--toc', sample);
	assert.equal(off.status, 0, off.stderr);
	assert.equal(settings(home).syncDir, undefined);
});

test('a sync folder that is not there, no folder, or both flags at once: one line and exit 2', () => {
	const home = join(root, 'other');
	for (const [args, pattern] of [
		[['--sync-dir', join(root, 'nowhere'), sample], /^ficterm: no such folder: /],
		[['--sync-dir', sample, sample], /^ficterm: no such folder: /],
		[['--sync-dir'], /^ficterm: --sync-dir needs a folder, as in --sync-dir FOLDER/],
		[['--sync-dir='], /^ficterm: --sync-dir needs a folder/],
		[
			['--sync-dir', root, '--no-sync', sample],
			/^ficterm: --sync-dir and --no-sync ask for opposite/,
		],
	] as const) {
		const {status, stderr} = run(home, ...args);
		assert.equal(status, 2, `${args.join(' ')}: ${stderr}`);
		assert.match(stderr, pattern);
		assert.equal(stderr.trim().split('\n').length, 1);
	}
});
