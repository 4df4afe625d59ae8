import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Terminal} from './terminal.ts';

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
	await terminal.waitForText("Forgot The Lighthouse Keeper's Daughter");
	terminal.press('q');
	await terminal.waitForText('exited 0');
});
