// The readme's key list, made from the key table: `npm run readme-keys` writes it into readme.md,
// and a test fails when the two disagree.

import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import prettier from 'prettier';
import {contextTitles, keyTable, type KeyContext} from '../source/reader/key-table.ts';

export const readmePath = fileURLToPath(new URL('../readme.md', import.meta.url));
export const startMarker =
	'<!-- Made from source/reader/key-table.ts by `npm run readme-keys`; a test checks that they agree. -->';
export const endMarker = '<!-- End of the key list. -->';

function keysCell(keys: string): string {
	if (!/^[^ ]+( [^ ]+)*$/.test(keys) || keys === 'any other key') return keys;
	return keys
		.split(' ')
		.map((key) => `\`${key}\``)
		.join(' ');
}

function table(context: KeyContext): string {
	const rows: Array<{keys: string; help: string; readme?: string}> = keyTable[context];
	return [
		'| key | what it does |',
		'| --- | --- |',
		...rows.map((row) => `| ${keysCell(row.keys)} | ${row.readme ?? row.help} |`),
	].join('\n');
}

/** The list as markdown, formatted as prettier formats the readme. */
export async function keyListMarkdown(): Promise<string> {
	const others = (['prompt', 'contents', 'bookmarks', 'metadata', 'help', 'library'] as const).map(
		(context) => `${contextTitles[context]}:\n\n${table(context)}`,
	);
	const markdown = [
		startMarker,
		table('reading'),
		...others,
		'In the overlays, the other keys mean what they mean while reading.',
		endMarker,
	].join('\n\n');
	const options = await prettier.resolveConfig(readmePath);
	return prettier.format(markdown, {...options, parser: 'markdown'});
}

/** The readme's text from the start marker to the end marker, both included. */
export function keyListIn(readme: string): string | undefined {
	const start = readme.indexOf(startMarker);
	const end = readme.indexOf(endMarker);
	if (start === -1 || end === -1) return undefined;
	return readme.slice(start, end + endMarker.length) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const readme = readFileSync(readmePath, 'utf8');
	const current = keyListIn(readme);
	if (!current) throw new Error(`readme.md has no ${startMarker}`);
	writeFileSync(readmePath, readme.replace(current, await keyListMarkdown()));
}
