#!/usr/bin/env -S node --max-semi-space-size=4
// The command line: parse flags, then print, outline, or read interactively; errors are one line.

import {existsSync} from 'node:fs';
import {enableCompileCache} from 'node:module';
import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {outlineJson, outlineText} from './outline-output.ts';
import {printWork} from './print.ts';
import {libraryText} from './library/library-text.ts';
import {systemClock} from './store/clock.ts';
import {Store} from './store/store.ts';
import {workFromBytes} from './formats/open-work.ts';
import {readWorkFile} from './formats/read-work-file.ts';
import {LoadError} from './work/decode.ts';
import {sanitiseLine} from './work/sanitise.ts';
import type {Work} from './work/types.ts';

// Node keeps the compiled code of the bundle on disk, so every start after the first skips compiling.
enableCompileCache?.();

const cli = meow(
	`
	Usage
	  $ ficterm [FILE]
	  $ cat FILE | ficterm

	Reads a work: AO3 and FanFicFare downloads, EPUB, HTML, Markdown or plain text.
	With no FILE, shows your library: works read before and the sample works.

	Options
	  --print, -p     Print the reflowed text and exit (the default when output is not a terminal)
	  --width, -w N   Text width for --print (default: the terminal's, or 80)
	  --toc           Print the chapters and scenes and exit
	  --json          With --toc: print the outline as JSON
	  --from-start    Open at the beginning without losing the saved place
	  --forget        Forget the saved place and bookmarks of FILE
	  --no-color      No colours (NO_COLOR is honoured too)
	  --no-mouse      Do not scroll with the mouse wheel
	  --dir FOLDER    With no FILE: also list the works in FOLDER

	Keys while reading: press ? for the full list.
	  j k ↓ ↑ line · Space b page · g G start/end · ] [ scene · } { chapter · / search · t contents · q quit

	State is kept in the folder given by FICTERM_HOME, or in your user config folder.
`,
	{
		importMeta: import.meta,
		flags: {
			print: {type: 'boolean', shortFlag: 'p'},
			width: {type: 'number', shortFlag: 'w'},
			toc: {type: 'boolean'},
			json: {type: 'boolean'},
			fromStart: {type: 'boolean'},
			forget: {type: 'boolean'},
			color: {type: 'boolean', default: true},
			mouse: {type: 'boolean', default: true},
			dir: {type: 'string'},
		},
		allowUnknownFlags: true,
		inferType: false,
	},
);

class UsageError extends Error {}

const knownFlags = new Set([
	'print',
	'p',
	'width',
	'w',
	'toc',
	'json',
	'fromStart',
	'forget',
	'color',
	'mouse',
	'dir',
	'help',
	'version',
]);

const samplesFolder = fileURLToPath(new URL('../works/', import.meta.url));

function colorWanted(flag: boolean): boolean {
	return flag && !process.env['NO_COLOR'];
}

/** The saved state, in FICTERM_HOME or the user's config folder; its problems are told on stderr. */
function openStore(): Store {
	return new Store(process.env['FICTERM_HOME'] || undefined, (warning) =>
		process.stderr.write(`ficterm: warning: ${warning}\n`),
	);
}

async function main(): Promise<number> {
	if (cli.input.length > 1)
		throw new UsageError(`one file at a time, please (got ${cli.input.length})`);
	const {flags} = cli;
	const unknown = Object.keys(flags).filter((name) => !knownFlags.has(name));
	if (unknown.length > 0) {
		const name = unknown[0]!.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
		throw new UsageError(
			`unknown option ${name.length === 1 ? '-' : '--'}${name} (see ficterm --help)`,
		);
	}

	if (flags.width !== undefined && (!Number.isInteger(flags.width) || flags.width < 1)) {
		throw new UsageError('--width needs a whole number of columns, 1 or more');
	}

	// A dumb terminal cannot move its cursor or switch screens: it gets the text printed instead.
	const dumb = process.env['TERM'] === 'dumb';
	const interactive = !flags.print && !dumb && process.stdout.isTTY && process.stdin.isTTY;
	const path = cli.input[0];
	if ((!path || path === '-') && !process.stdin.isTTY && !flags.forget && !flags.dir) {
		// A work piped in (`cat work.txt | ficterm`) is read whole, then printed or outlined;
		// nothing piped in (`ficterm < /dev/null`) lists the library instead.
		const piped = await readStdin();
		if (piped.length > 0 || path === '-') {
			const work = workFromBytes(piped, 'stdin');
			return flags.toc ? writeOutline(work, Boolean(flags.json)) : printOut(work, flags.width);
		}
	}

	if (!path) {
		if (flags.forget || flags.toc)
			throw new UsageError(`--${flags.forget ? 'forget' : 'toc'} needs a FILE`);
		if (flags.dir && !existsSync(flags.dir)) throw new UsageError(`no such folder: ${flags.dir}`);
		const folders = [samplesFolder, ...(flags.dir ? [flags.dir] : [])].filter((folder) =>
			existsSync(folder),
		);
		if (!interactive) {
			const text = libraryText(openStore(), folders);
			process.stdout.write(text ? text + '\n' : '');
			return 0;
		}

		const {runLibrary} = await import('./run-library.tsx');
		return runLibrary({
			store: openStore(),
			clock: systemClock,
			folders,
			color: colorWanted(flags.color),
			mouse: flags.mouse,
		});
	}

	if (interactive && !flags.forget && !flags.toc) {
		const {readInteractively} = await import('./interactive.tsx');
		return readInteractively(
			{path, bytes: readWorkFile(path)},
			{
				store: openStore(),
				clock: systemClock,
				fromStart: Boolean(flags.fromStart),
				mouse: flags.mouse,
				color: colorWanted(flags.color),
			},
		);
	}

	const work = workFromBytes(readWorkFile(path), path);
	for (const warning of work.warnings)
		process.stderr.write(`ficterm: warning: ${sanitiseLine(warning)}\n`);

	if (flags.forget) {
		const forgotten = openStore().forget(work.id);
		process.stdout.write(
			forgotten ? `Forgot ${work.meta.title || path}\n` : `Nothing was saved for ${path}\n`,
		);
		return 0;
	}

	if (flags.toc) return writeOutline(work, Boolean(flags.json));
	return printOut(work, flags.width);
}

function writeOutline(work: Work, json: boolean): number {
	process.stdout.write((json ? outlineJson(work) : outlineText(work)) + '\n');
	return 0;
}

async function printOut(work: Work, width: number | undefined): Promise<number> {
	await printWork(
		work,
		Math.max(1, width ?? (process.stdout.isTTY ? process.stdout.columns : 80)),
		process.stdout,
	);
	return 0;
}

async function readStdin(): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

try {
	process.exitCode = await main();
} catch (error) {
	const message =
		error instanceof LoadError || error instanceof UsageError
			? error.message
			: `unexpected error: ${(error as Error)?.message ?? String(error)}`;
	// Messages can quote a work file's own contents (an EPUB's paths): they are made safe first.
	process.stderr.write(`ficterm: ${sanitiseLine(message)}\n`);
	process.exitCode = error instanceof UsageError ? 2 : 1;
}
