// Mistakes in the command line that the flag parser lets through: a flag without its value, or a
// flag used without the one it belongs to. Each is told as a UsageError.

import {UsageError} from './usage-error.ts';

/** Flags that take a value, by every name they can be written with, and what the value is. */
const valueFlags: Record<string, string> = {
	'--width': 'a number of columns',
	'-w': 'a number of columns',
	'--dir': 'a folder',
	'--sync-dir': 'a folder',
};

/**
 * Throws when a flag that takes a value has none: it ends the line, is followed by another flag,
 * or is given empty (`--dir=`). The parser drops such a flag silently, so the raw words are read.
 */
export function checkFlagValues(argv: readonly string[]): void {
	for (const [index, word] of argv.entries()) {
		if (word === '--') return;
		const [name, inline] = word.startsWith('--') ? word.split(/=(.*)/s, 2) : [word, undefined];
		const needs = valueFlags[name!];
		if (!needs) continue;
		const value = inline ?? argv[index + 1];
		// A negative width is a value, if a wrong one: the width check says so.
		if (value === undefined || value === '' || (value.startsWith('-') && !/^-\d/.test(value)))
			throw new UsageError(
				`${name} needs ${needs}, as in ${name} ${needs === 'a folder' ? 'FOLDER' : '72'}`,
			);
	}
}

/** The flags that only mean something beside another one. */
export type FlagUse = {toc: boolean; json: boolean; dir?: string; file?: string};

export function checkFlagCompanions({toc, json, dir, file}: FlagUse): void {
	if (json && !toc) throw new UsageError('--json goes with --toc: ficterm --toc --json FILE');
	if (dir !== undefined && file !== undefined)
		throw new UsageError('--dir lists a folder in the library: use it without a FILE');
}
