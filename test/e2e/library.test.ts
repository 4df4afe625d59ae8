import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {cliPath, Terminal} from './terminal.ts';

test('with no file, the library lists the samples; Enter reads one, q comes back with progress', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([], {columns: 100, rows: 16});
	await terminal.waitForText('ficterm · 2 works');
	const screen = terminal.screen();
	assert.match(screen.join('\n'), /A Field Guide to the Small Hours .*unread/);
	assert.match(screen.join('\n'), /The Lighthouse Keeper's Daughter — ficterm_samples .*unread/);
	terminal.press('j', 'Enter');
	await terminal.waitForText('Tags: hidden');
	terminal.press('G');
	await terminal.waitFor((rows) => /100%\s*$/.test(rows.at(-1)!), 'the end');
	terminal.press('q');
	const back = await terminal.waitForText('ficterm · 2 works');
	assert.match(back[1]!, /The Lighthouse Keeper's Daughter .*━{10} +100% {2}just now/);
	terminal.press('d');
	await terminal.waitForText("Forgot The Lighthouse Keeper's Daughter · u to undo");
	terminal.press('u');
	const kept = await terminal.waitForText("Restored The Lighthouse Keeper's Daughter");
	assert.match(kept[1]!, /The Lighthouse Keeper's Daughter .*━{10} +100% {2}just now/);
	terminal.press('q');
	await terminal.waitForText('exited 0');
	// Undone, so never forgotten: the store still has the place.
	const listed = spawnSync(process.execPath, [cliPath], {
		input: '',
		encoding: 'utf8',
		env: {...process.env, FICTERM_HOME: terminal.home},
	});
	assert.match(listed.stdout, /^The Lighthouse Keeper's Daughter\tficterm_samples\t100%\t/m);
});

test('d forgets a work once the library closes', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start([], {columns: 100, rows: 16});
	await terminal.waitForText('ficterm · 2 works');
	terminal.press('j', 'Enter');
	await terminal.waitForText('Tags: hidden');
	terminal.press('G');
	await terminal.waitFor((rows) => /100%\s*$/.test(rows.at(-1)!), 'the end');
	terminal.press('q');
	await terminal.waitForText('just now');
	terminal.press('d');
	await terminal.waitForText('u to undo');
	terminal.press('q');
	await terminal.waitForText('exited 0');
	const listed = spawnSync(process.execPath, [cliPath], {
		input: '',
		encoding: 'utf8',
		env: {...process.env, FICTERM_HOME: terminal.home},
	});
	assert.match(listed.stdout, /^The Lighthouse Keeper's Daughter\tficterm_samples\tunread\t/m);
});

test('a work opened by a relative path is found by the library from any other folder', async (t) => {
	const folder = mkdtempSync(join(tmpdir(), 'ficterm-relative-'));
	t.after(() => rmSync(folder, {recursive: true, force: true}));
	// Text of its own: a copy of a sample would be listed as that sample, from works/.
	writeFileSync(
		join(folder, 'seed.txt'),
		'The Seed\n\nChapter 1\n\nA seed lay under the frost all winter and did not mind it.\n',
	);
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start(['seed.txt'], {columns: 100, rows: 16, cwd: folder});
	await terminal.waitForText('A seed lay under the frost');
	// A place is saved once the reader moves.
	terminal.press('G');
	await terminal.waitFor((rows) => /100%\s*$/.test(rows.at(-1)!), 'the end');
	terminal.press('q');
	await terminal.waitForText('exited 0');

	const listed = spawnSync(process.execPath, [cliPath], {
		cwd: tmpdir(),
		input: '',
		encoding: 'utf8',
		env: {...process.env, FICTERM_HOME: terminal.home},
	});
	const line = listed.stdout.split('\n').find((row) => row.endsWith('seed.txt'));
	assert.ok(line, listed.stdout);
	assert.doesNotMatch(line, /\tmissing\t/);
	assert.ok(line.endsWith(`\t${join(folder, 'seed.txt')}`), line);
});
