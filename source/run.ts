// What ficterm does once its flags are read: print or outline a work, list or open the library,
// forget a work, or read one in the terminal. Here the store, the clock and the terminal are wired.

import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {workFromBytes} from './formats/open-work.ts';
import {readWorkFile} from './formats/read-work-file.ts';
import {libraryText} from './library/library-text.ts';
import {outlineJson, outlineText} from './outline-output.ts';
import {printWork} from './print.ts';
import {systemClock} from './store/clock.ts';
import {Store} from './store/store.ts';
import {UsageError} from './usage-error.ts';
import {sanitiseLine} from './work/sanitise.ts';
import type {Work} from './work/types.ts';

/** The command line, read: a file (or none, or - for stdin) and the flags that say what to do. */
export type Request = {
	path?: string;
	print: boolean;
	width?: number;
	toc: boolean;
	json: boolean;
	fromStart: boolean;
	forget: boolean;
	color: boolean;
	mouse: boolean;
	dir?: string;
};

const samplesFolder = fileURLToPath(new URL('../works/', import.meta.url));

/** The saved state, in FICTERM_HOME or the user's config folder; its problems are told on stderr. */
function openStore(): Store {
	return new Store(process.env['FICTERM_HOME'] || undefined, (warning) =>
		process.stderr.write(`ficterm: warning: ${warning}\n`),
	);
}

function colorWanted(flag: boolean): boolean {
	return flag && !process.env['NO_COLOR'];
}

export async function run(request: Request): Promise<number> {
	const {path} = request;
	// A dumb terminal cannot move its cursor or switch screens: it gets the text printed instead.
	const dumb = process.env['TERM'] === 'dumb';
	const interactive = !request.print && !dumb && process.stdout.isTTY && process.stdin.isTTY;
	if ((!path || path === '-') && !process.stdin.isTTY && !request.forget && !request.dir) {
		// A work piped in (`cat work.txt | ficterm`) is read whole, then printed or outlined;
		// nothing piped in (`ficterm < /dev/null`) lists the library instead.
		const piped = await readStdin();
		if (piped.length > 0 || path === '-') {
			const work = workFromBytes(piped, 'stdin');
			return request.toc ? writeOutline(work, request.json) : printOut(work, request.width);
		}
	}

	if (!path) {
		if (request.forget || request.toc)
			throw new UsageError(`--${request.forget ? 'forget' : 'toc'} needs a FILE`);
		if (request.dir && !existsSync(request.dir))
			throw new UsageError(`no such folder: ${request.dir}`);
		const folders = [samplesFolder, ...(request.dir ? [request.dir] : [])].filter((folder) =>
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
			color: colorWanted(request.color),
			mouse: request.mouse,
		});
	}

	if (interactive && !request.forget && !request.toc) {
		const {readInteractively} = await import('./interactive.tsx');
		return readInteractively(
			{path, bytes: readWorkFile(path)},
			{
				store: openStore(),
				clock: systemClock,
				fromStart: request.fromStart,
				mouse: request.mouse,
				color: colorWanted(request.color),
			},
		);
	}

	const work = workFromBytes(readWorkFile(path), path);
	for (const warning of work.warnings)
		process.stderr.write(`ficterm: warning: ${sanitiseLine(warning)}\n`);

	if (request.forget) {
		const forgotten = openStore().forget(work.id);
		process.stdout.write(
			forgotten ? `Forgot ${work.meta.title || path}\n` : `Nothing was saved for ${path}\n`,
		);
		return 0;
	}

	if (request.toc) return writeOutline(work, request.json);
	return printOut(work, request.width);
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
