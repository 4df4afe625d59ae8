// `ficterm sync login` on a real terminal (tmux): the password is asked without echo, and plain
// http to another machine is confirmed first.

import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {Terminal} from '../e2e/terminal.ts';
import {startKosyncServer, type KosyncServer} from '../helpers/kosync-server.ts';

let server: KosyncServer;
before(async () => {
	server = await startKosyncServer();
});
after(() => server.close());

test('the password is typed without echo, and the terminal is left as it was', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start(['sync', 'login', server.url, 'reader'], {columns: 100, rows: 10});
	await terminal.waitForText('Password:');
	terminal.type('hunter2');
	terminal.press('Enter');
	const screen = await terminal.waitForText(/exited 0\n\s*-?icanon/);
	assert.match(
		screen.join('\n'),
		/Registered and logged in to http:\/\/127\.0\.0\.1:\d+ as reader/,
	);
	assert.doesNotMatch(screen.join('\n'), /hunter2/);
	// The shell prints the terminal's modes after ficterm exits: echo and line editing are back on.
	assert.match(screen.join('\n'), /exited 0\n\s*icanon echo/);
	const saved = JSON.parse(readFileSync(join(terminal.home, 'kosync.json'), 'utf8'));
	assert.equal(saved.key, createHash('md5').update('hunter2').digest('hex'));
});

test('plain http to another machine is asked about first; no means no request', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start(['sync', 'login', 'http://192.0.2.1:7200', 'reader'], {columns: 100, rows: 10});
	await terminal.waitForText('[y/N]');
	terminal.type('n');
	terminal.press('Enter');
	await terminal.waitForText('exited 1');
	assert.doesNotMatch(terminal.text(), /Password:/);
});

test('answered yes, the password is asked next; Ctrl+C there gives up', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	terminal.start(['sync', 'login', 'http://192.0.2.1:7200', 'reader'], {columns: 100, rows: 10});
	await terminal.waitForText('[y/N]');
	terminal.type('y');
	terminal.press('Enter');
	await terminal.waitForText('Password:');
	terminal.press('C-c');
	// The shell prints the terminal's modes once ficterm has exited.
	const screen = await terminal.waitForText(/exited 1\n\s*-?icanon/);
	assert.match(screen.join('\n'), /ficterm: cancelled/);
	assert.match(screen.join('\n'), /exited 1\n\s*icanon echo/);
});
