// Packs a fixture folder (`name.epub.d/`) into EPUB bytes: mimetype first and stored, as the spec asks.

import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {zipSync, type Zippable} from 'fflate';

function filesUnder(root: string, folder = root): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		return statSync(path).isDirectory() ? filesUnder(root, path) : [path];
	});
}

export function zipFolder(folder: string): Uint8Array {
	const entries: Zippable = {};
	const files = filesUnder(folder)
		.map((path) => relative(folder, path))
		.sort((a, b) => (a === 'mimetype' ? -1 : b === 'mimetype' ? 1 : a.localeCompare(b)));
	for (const name of files) {
		entries[name] = [readFileSync(join(folder, name)), {level: name === 'mimetype' ? 0 : 6}];
	}

	return zipSync(entries);
}
