import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {generatedFile} from '../bench/generate.ts';
import {Terminal} from './terminal.ts';

test('a large work shows its opening at once, then reads the rest: G reaches the real end', async (t) => {
	const terminal = new Terminal();
	t.after(() => terminal.close());
	const path = join(terminal.home, 'large.txt');
	writeFileSync(path, generatedFile('ao3-text', 600_000).bytes);
	terminal.start([path], {columns: 100, rows: 30});
	await terminal.waitForText('Benchmark 600000 words');
	await terminal.waitFor((rows) => /\d+%\s*$/.test(rows.at(-1)!), 'the whole work read');
	terminal.press('G');
	const end = await terminal.waitFor((rows) => /100%\s*$/.test(rows.at(-1)!), 'the end');
	assert.match(end.at(-1)!, /Part \d{3}/, 'the last chapter of the whole work, not of its opening');
	terminal.press('t');
	await terminal.waitForText(/Contents · \d{3} chapters/);
});
