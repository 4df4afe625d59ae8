import assert from 'node:assert/strict';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {projectRoot, Terminal} from './terminal.ts';

const lighthouse = join(projectRoot, 'works', 'the-lighthouse-keepers-daughter.txt');

test('a wrong-shaped saved place is reported once, set aside, and the work opens at its start', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	// Read once, so that the store holds this work under its real id.
	terminal.start([lighthouse], {columns: 100, rows: 30});
	await terminal.waitForText('Tags: hidden');
	terminal.press('}');
	await terminal.waitForText('The wind came round to the north');
	terminal.press('q');
	await terminal.waitForText('exited 0');
	const path = join(terminal.home, 'state.json');
	const state = JSON.parse(readFileSync(path, 'utf8')) as Record<
		string,
		{anchor: {block: unknown}}
	>;
	const key = Object.keys(state).find((name) => name.startsWith('work '))!;
	state['work sha256:another'] = {...state[key]!, anchor: {...state[key]!.anchor, block: 3}};
	// A place written by hand or by another program: its block is a string, and the rest is gone.
	state[key]!.anchor = {block: String(state[key]!.anchor.block)};
	writeFileSync(path, JSON.stringify(state));

	for (const time of ['first', 'second']) {
		const again = new Terminal(terminal.home);
		try {
			again.start([lighthouse], {columns: 100, rows: 30});
			await again.waitForText('Tags: hidden');
			again.press('q');
			// The terminal wraps the one line of the warning: read the screen's rows joined.
			const screen = (await again.waitForText('exited 0')).join('');
			const warnings = screen.split('ficterm: warning: ').slice(1);
			if (time === 'first') {
				assert.equal(warnings.length, 1, screen);
				assert.match(
					warnings[0]!,
					/anchor\.block: expected\s*number,\s*got\s*"\d+"\).*set\s*aside\s*work/,
				);
			} else {
				assert.deepEqual(warnings, [], 'told once only');
			}
		} finally {
			await again.close(false);
		}
	}

	const after = JSON.parse(readFileSync(path, 'utf8')) as Record<
		string,
		{anchor: {block: unknown}}
	>;
	assert.equal(after['work sha256:another']?.anchor.block, 3, 'the other work keeps its place');
	assert.ok(Object.keys(after).some((name) => name.startsWith('set aside ')));
});
