import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {keyListIn, keyListMarkdown, readmePath} from '../scripts/readme-keys.ts';

test('the readme lists the keys of the key table (npm run readme-keys writes them)', async () => {
	const listed = keyListIn(readFileSync(readmePath, 'utf8'));
	assert.ok(listed, 'the readme has the key list markers');
	assert.equal(listed, await keyListMarkdown());
});

test("the readme's options table names every option --help names, and no other", () => {
	const help = readFileSync(new URL('../source/cli.tsx', import.meta.url), 'utf8');
	const optionsPart = help.slice(help.indexOf('Options\n'), help.indexOf('Keys while reading'));
	const inHelp = new Set(optionsPart.match(/(?<![\w-])--?[a-z][\w-]*/g));
	const readme = readFileSync(readmePath, 'utf8');
	const lines = readme.slice(readme.indexOf('| option')).split('\n');
	const tableRows = lines.slice(
		2,
		lines.findIndex((line) => !line.startsWith('|')),
	);
	const inReadme = new Set(
		tableRows.flatMap((row) => row.split('|')[1]!.match(/(?<![\w-])--?[a-z][\w-]*/g) ?? []),
	);
	assert.ok(inHelp.size > 10, [...inHelp].join(' '));
	assert.deepEqual(
		[...inHelp].filter((flag) => !inReadme.has(flag)),
		[],
		'missing from the readme',
	);
	assert.deepEqual(
		[...inReadme].filter((flag) => !inHelp.has(flag)),
		[],
		'missing from --help',
	);
});

test('--help names every kind of file ficterm reads', () => {
	const help = readFileSync(new URL('../source/cli.tsx', import.meta.url), 'utf8');
	const about = help.slice(help.indexOf('Reads a work'), help.indexOf('With no FILE'));
	for (const kind of [
		'AO3',
		'FanFicFare',
		'EPUB',
		'MOBI',
		'AZW3',
		'FB2',
		'PDF',
		'HTML',
		'Markdown',
	])
		assert.ok(about.includes(kind), `--help does not name ${kind}`);
});
