// A file named with an escape sequence reaches no output raw: print, outline, forget, the library
// listing and every error message give its name made safe (JSON escapes it).

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {cliPath} from '../e2e/terminal.ts';

const home = mkdtempSync(join(tmpdir(), 'ficterm-names-'));
after(() => rmSync(home, {recursive: true, force: true}));

/** Sets the terminal's title when printed raw. */
const osc = '\u001B]0;pwned\u0007';
const folder = join(home, 'works');
mkdirSync(folder);
const work = join(folder, `${osc}.txt`);
writeFileSync(work, 'Chapter 1\n\nThe first words of a work with a hostile name.\n');
const binary = join(folder, `${osc}.html`);
writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]));
const folderNamed = join(folder, `${osc}-folder.txt`);
mkdirSync(folderNamed);

function run(...args: string[]) {
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		encoding: 'utf8',
		env: {...process.env, FICTERM_HOME: join(home, 'state')},
	});
	return {status: result.status, output: result.stdout + result.stderr};
}

const cases: Array<[string, string[], RegExp]> = [
	['--print', ['--print', work], /hostile name/],
	['--toc', ['--toc', work], /Chapter 1/],
	['--toc --json', ['--toc', '--json', work], /"title": "Chapter 1"/],
	// The sequence is taken out whole: what is left of the name is ".txt".
	['--forget', ['--forget', work], /Nothing was saved for .*works\/\.txt\n/],
	['the library listing', ['--dir', folder], /\tunread\t.*works\/\.txt\n/],
	['a missing file', [join(folder, `${osc}-missing.txt`)], /no such file|not found/i],
	['a folder', [folderNamed], /folder/],
	['a binary file', [binary], /ficterm:/],
];

for (const [what, args, expected] of cases) {
	test(`a file named with an escape sequence: ${what}`, () => {
		const {output} = run(...args);
		assert.match(output, expected);
		assert.doesNotMatch(output, /[\u0007\u001B\u009B\u009D]/);
	});
}
