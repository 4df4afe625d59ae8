// Every fixture, and works laid out to be hard on a terminal, paged through: only --print lines show.

import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {zipFolder} from '../helpers/epub.ts';
import {projectRoot} from './terminal.ts';
import {pageThrough} from './page-through.ts';

const folder = mkdtempSync(join(tmpdir(), 'ficterm-page-through-'));
after(() => rmSync(folder, {recursive: true, force: true}));

const fixtures = join(projectRoot, 'test/fixtures');
for (const format of readdirSync(fixtures)) {
	for (const name of readdirSync(join(fixtures, format))) {
		if (/\.expected\.(json|txt)$/.test(name) || name === 'README.md') continue;
		test(`page through fixture ${format}/${name}`, async () => {
			let path = join(fixtures, format, name);
			if (name.endsWith('.epub.d')) {
				path = join(folder, `${format}-${name.replace(/\.d$/, '')}`);
				writeFileSync(path, zipFolder(join(fixtures, format, name)));
			}

			await pageThrough(path);
		});
	}
}

const paragraph = (index: number) =>
	`Paragraph ${index} walks along the shore and counts the boats that come in before the weather turns for the worse.`;

const hostile: Record<string, string> = {
	'runs-of-blank-lines.html': `<html><body><h1>Blank runs</h1>${Array.from({length: 40}, (_, index) => `<p>${paragraph(index)}</p>${index % 3 === 0 ? '<br/><br/><br/><br/><br/><br/><br/>' : ''}${index % 7 === 0 ? '<pre>\n\n\n\n   \n\n</pre>' : ''}`).join('')}</body></html>`,
	'spacer-only-chapters.html': `<html><body><h1>Spacers</h1>${Array.from({length: 12}, (_, index) => `<h2>Chapter ${index + 1}</h2>${index % 2 ? '<p>\u00A0</p><p>\u00A0</p><p>\u00A0</p>' : `<p>${paragraph(index)}</p><p>\u00A0</p><p>${paragraph(index + 1)}</p>`}`).join('')}</body></html>`,
	'invisible-line-ends.txt': Array.from(
		{length: 120},
		(_, index) =>
			`${paragraph(index)}${['\u200B', '\u00A0', '\u200B\u200B ', '\u00A0\u00A0\u00A0', '\uFEFF'][index % 5]}\n${index % 4 === 0 ? '\u00A0\n\u200B\n' : ''}`,
	).join('\n'),
	'tabs.txt': Array.from(
		{length: 120},
		(_, index) => `\t${paragraph(index).replaceAll(' the ', '\tthe\t')}\n\t\t\n`,
	).join('\n'),
};

for (const [name, text] of Object.entries(hostile)) {
	test(`page through a hostile layout: ${name}`, async () => {
		const path = join(folder, name);
		writeFileSync(path, text);
		await pageThrough(path);
	});
}
