// The licence notices of the third-party code bundled into dist/, from esbuild's metafile: each
// package whose files went into the bundle, with its licence file as the package ships it.

import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

/** The folder of the package that holds `file`: the nearest one with a package.json naming it. */
function packageRoot(file) {
	let folder = dirname(file);
	while (folder.includes('node_modules')) {
		const manifest = join(folder, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name) return folder;
		folder = dirname(folder);
	}

	return undefined;
}

function licenceText(folder) {
	const name = readdirSync(folder).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
	return name ? readFileSync(join(folder, name), 'utf8').trim() : undefined;
}

const mit = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/**
 * For a package that ships no licence file (yoga-layout): the MIT licence its package.json names,
 * with the copyright line from its own source files.
 */
function mitFromSource(manifest, files, author) {
	if (manifest.license !== 'MIT') throw new Error(`${manifest.name} ships no licence file`);
	const copyright = files
		.map((file) => /Copyright \(c\)[^\n*]*/.exec(readFileSync(file, 'utf8'))?.[0].trim())
		.find(Boolean);
	return `${copyright ?? `Copyright (c) ${author}`}\n\n${mit}`;
}

/** Writes `path`: one section per bundled package, sorted by name. */
export function writeNotices(metafile, path) {
	/** Each bundled package's folder, with the files of it that went into the bundle. */
	const folders = new Map();
	for (const output of Object.values(metafile.outputs)) {
		for (const input of Object.keys(output.inputs)) {
			if (!input.includes('node_modules/')) continue;
			const folder = packageRoot(input);
			if (folder) folders.set(folder, [...(folders.get(folder) ?? []), input]);
		}
	}

	// The same version may be installed in several places; its notice is given once.
	const byVersion = new Map();
	for (const folder of folders.keys()) {
		const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
		byVersion.set(`${manifest.name}@${manifest.version}`, folder);
	}

	const sections = [...byVersion.values()]
		.map((folder) => {
			const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
			const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
			const heading = `${manifest.name} ${manifest.version} (${manifest.license ?? 'no licence named'})`;
			const text = licenceText(folder) ?? mitFromSource(manifest, folders.get(folder), author);
			return {name: manifest.name, text: `${heading}\n${'-'.repeat(heading.length)}\n\n${text}`};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	const intro =
		'ficterm bundles the following third-party packages into dist/. Their licence notices follow.';
	writeFileSync(path, [intro, ...sections.map((section) => section.text)].join('\n\n\n') + '\n');
	return sections.map((section) => section.name);
}
