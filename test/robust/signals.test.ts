// Signals end --print and --toc within a second even in the middle of a long synchronous parse.

import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {cliPath} from '../e2e/terminal.ts';
import {cpuSeconds, writeSlowWork} from '../helpers/slow-work.ts';

const home = mkdtempSync(join(tmpdir(), 'ficterm-signals-'));
after(() => rmSync(home, {recursive: true, force: true}));

const slow = writeSlowWork(home);

for (const [signal, args] of [
	['SIGINT', ['--toc']],
	['SIGTERM', ['--print', '--width', '60']],
	['SIGHUP', ['--toc', '--json']],
] as const) {
	test(`${signal} ends ${args.join(' ')} within a second during the parse`, async () => {
		const child = spawn(process.execPath, [cliPath, ...args, slow], {
			env: {...process.env, FICTERM_HOME: home},
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		const ended = new Promise<{signal: string | null; at: number}>((resolve) =>
			child.once('exit', (_code, how) => resolve({signal: how, at: Date.now()})),
		);
		// Past start-up (about half a second of CPU) and well into the parse.
		while (cpuSeconds(child.pid!) < 1.2) await new Promise((resolve) => setTimeout(resolve, 20));
		const sent = Date.now();
		child.kill(signal);
		const {signal: how, at} = await ended;
		assert.equal(how, signal);
		assert.ok(at - sent < 1000, `ended ${at - sent} ms after the signal`);
	});
}
