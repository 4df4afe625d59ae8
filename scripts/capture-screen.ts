// Captures what ficterm really shows in a 100x32 terminal, for the readme: `npm run capture`.

import {join} from 'node:path';
import {projectRoot, Terminal} from '../test/e2e/terminal.ts';

const terminal = new Terminal();
try {
	terminal.start([join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt')], {
		columns: 100,
		rows: 32,
	});
	await terminal.waitForText('Chapter 1: The Reef');
	terminal.press('}', ']');
	await terminal.waitFor((rows) => /scene 2\/2/.test(rows.at(-1)!), 'the second scene');
	// The "Scene 2/2" message stands in the title's place for a few seconds; capture the steady bar.
	await terminal.waitFor(
		(rows) => rows.at(-1)!.includes("Keeper's Daughter"),
		'the title again',
		10_000,
	);
	process.stdout.write(
		terminal
			.screen()
			.map((row) => row.trimEnd())
			.join('\n') + '\n',
	);
	terminal.press('q');
} finally {
	await terminal.close();
}
