// A path as short as it can be shown and still found: relative to the current folder, or from ~.

import {homedir} from 'node:os';
import {relative, sep} from 'node:path';

/** Where a path is shown from: the current folder and the home folder. */
export type Places = {cwd: string; home: string};

export const herePlaces = (): Places => ({cwd: process.cwd(), home: homedir()});

const inside = (path: string, folder: string) =>
	folder !== '' && folder !== sep && path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

export function shortPath(path: string, {cwd, home}: Places): string {
	if (inside(path, cwd)) return relative(cwd, path);
	if (inside(path, home)) return `~${sep}${relative(home, path)}`;
	return path;
}
