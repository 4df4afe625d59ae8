// What ficterm does once its flags are read: print or outline a work, list or open the library,
// forget a work, or read one in the terminal. Here the store, the clock and the terminal are wired.

import {existsSync, fstatSync, statSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {openWorkBytes} from './formats/open-work.ts';
import {readWorkFile, readWorkStart} from './formats/read-work-file.ts';
import {libraryText} from './library/library-text.ts';
import {outlineJsonLines, outlineTextLines} from './outline-output.ts';
import {printWork, writeLines} from './print.ts';
import {systemClock} from './store/clock.ts';
import type {Store} from './store/store.ts';
import type {SyncEngine} from './sync/engine.ts';
import {UsageError} from './usage-error.ts';
import {withoutFetch} from './without-fetch.ts';
import {LoadError} from './work/decode.ts';
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
	/** Ruby readings (furigana) after their base text; false leaves them out. */
	readings: boolean;
	dir?: string;
	/** A synced folder to share places through from now on; `noSync` forgets it. */
	syncDir?: string;
	noSync?: boolean;
};

const samplesFolder = fileURLToPath(new URL('../works/', import.meta.url));

/**
 * The saved state, in FICTERM_HOME or the user's config folder; its problems are told on stderr.
 * Loaded when first needed: printing a work reads no state, and conf's validator costs a start.
 */
async function openStore(): Promise<Store> {
	const {Store} = await import('./store/store.ts');
	return new Store(process.env['FICTERM_HOME'] || undefined, (warning) =>
		process.stderr.write(`ficterm: warning: ${sanitiseLine(warning)}\n`),
	);
}

/** Remembers the sync folder given, or forgets it. */
function rememberSync(store: Store, request: Request): void {
	if (request.noSync && request.syncDir !== undefined)
		throw new UsageError('--sync-dir and --no-sync ask for opposite things: give one');
	if (request.syncDir !== undefined) {
		const folder = resolve(request.syncDir);
		if (!statSync(folder, {throwIfNoEntry: false})?.isDirectory())
			throw new UsageError(`no such folder: ${request.syncDir}`);
		if (store.settings().syncDir !== folder) store.saveSettings({syncDir: folder});
	}

	if (request.noSync && store.settings().syncDir !== undefined)
		store.saveSettings({syncDir: undefined});
}

/** The sync engines the settings set up, for reading in the terminal. */
async function syncEngines(store: Store): Promise<SyncEngine[]> {
	const [{configuredEngines}, {thisDevice}] = await Promise.all([
		import('./sync/engines.ts'),
		import('./sync/device.ts'),
	]);
	const folder = dirname(store.path);
	return configuredEngines(store.settings(), () => thisDevice(folder), folder);
}

/** Colour unless --no-color, NO_COLOR, or a terminal that terminfo names monochrome (xterm-mono). */
export function colorWanted(flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
	return flag && !env['NO_COLOR'] && !/(?:^|-)(?:mono|m)$/.test(env['TERM'] ?? '');
}

/**
 * Ctrl+C, SIGTERM and SIGHUP (a closed terminal) end the program at once, whatever it is doing.
 * conf's writer (when-exit) listens for them to remove its temporary files, and a listener makes
 * Node wait for the JavaScript thread: a signal during a long synchronous parse then did nothing
 * until the parse ended. Its writes are synchronous, so no signal ever lands inside one; the
 * reader and the library listen again, to save the place, once their parse is done. The bundle
 * leaves when-exit out (scripts/no-exit-hooks.mjs): removing its listeners here could drop a signal
 * that came while the program started; this covers running from source.
 */
function signalsEndAtOnce(): void {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
}

export async function run(request: Request): Promise<number> {
	const {path} = request;
	signalsEndAtOnce();
	// A dumb terminal cannot move its cursor or switch screens: it gets the text printed instead.
	const dumb = process.env['TERM'] === 'dumb';
	const interactive = !request.print && !dumb && process.stdout.isTTY && process.stdin.isTTY;
	if (!interactive) guardOutput();
	// Remembered whatever else the command line asks for.
	if (request.syncDir !== undefined || request.noSync) rememberSync(await openStore(), request);
	if ((!path || path === '-') && !process.stdin.isTTY && !request.forget && !request.dir) {
		// A work piped in (`cat work.txt | ficterm`) is read whole, then printed or outlined;
		// nothing piped in (`ficterm < /dev/null`) lists the library instead.
		const piped = await readStdin();
		if (piped.length > 0 || path === '-') {
			const work = await openWorkBytes(piped, 'stdin');
			return request.toc
				? writeOutline(work, request.json)
				: printOut(work, request.width, request.readings);
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
			const text = libraryText(await openStore(), folders);
			if (!text) {
				process.stderr.write(
					'ficterm: no work given and the library is empty: ficterm FILE, or cat FILE | ficterm\n',
				);
				return 1;
			}

			process.stdout.write(text + '\n');
			return 0;
		}

		const {runLibrary} = await withoutFetch(async () => import('./run-library.tsx'));
		const store = await openStore();
		return runLibrary({
			store,
			engines: await syncEngines(store),
			clock: systemClock,
			folders,
			color: colorWanted(request.color),
			mouse: request.mouse,
		});
	}

	if (interactive && !request.forget && !request.toc) {
		const {readInteractively} = await withoutFetch(async () => import('./interactive.tsx'));
		const store = await openStore();
		// Stored absolute, so that the library finds the work from any folder.
		return readInteractively(
			{path: resolve(path), ...readWorkStart(path)},
			{
				store,
				engines: await syncEngines(store),
				clock: systemClock,
				fromStart: request.fromStart,
				mouse: request.mouse,
				color: colorWanted(request.color),
				readings: request.readings,
			},
		);
	}

	const work = await openWorkBytes(readWorkFile(path), path);
	for (const warning of work.warnings)
		process.stderr.write(`ficterm: warning: ${sanitiseLine(warning)}\n`);

	if (request.forget) {
		const forgotten = (await openStore()).forget(work.id);
		process.stdout.write(
			// A file's name is as much from outside as its text: it may hold escape sequences.
			sanitiseLine(
				forgotten ? `Forgot ${work.meta.title || path}` : `Nothing was saved for ${path}`,
			) + '\n',
		);
		return 0;
	}

	if (request.toc) return writeOutline(work, request.json);
	return printOut(work, request.width, request.readings);
}

/** Output that cannot be written: a closed pipe ends quietly, anything else (a full disk) in one line. */
function guardOutput(): void {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		process.stderr.write(`ficterm: cannot write the output: ${error.code ?? error.message}\n`);
		process.exit(1);
	});
}

async function writeOutline(work: Work, json: boolean): Promise<number> {
	await writeLines(json ? outlineJsonLines(work) : outlineTextLines(work), process.stdout);
	return 0;
}

async function printOut(work: Work, width: number | undefined, readings: boolean): Promise<number> {
	await printWork(
		work,
		// A terminal that says it has no columns (stty cols 0, a serial line) is taken as 80 wide.
		width ?? ((process.stdout.isTTY && process.stdout.columns) || 80),
		process.stdout,
		{readings},
	);
	return 0;
}

/** Standard input is read up to the size of the largest work; a device such as /dev/zero is refused. */
const maxStdinBytes = 512 * 1024 * 1024;

async function readStdin(): Promise<Uint8Array> {
	const input = fstatSync(0);
	// /dev/null gives nothing, as an empty file does: no work was given.
	if (
		input.isCharacterDevice() &&
		input.rdev === statSync('/dev/null', {throwIfNoEntry: false})?.rdev
	)
		return new Uint8Array();
	if (input.isCharacterDevice() || input.isBlockDevice())
		throw new LoadError('standard input is a device, not a work file');
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of process.stdin) {
		size += (chunk as Buffer).length;
		if (size > maxStdinBytes)
			throw new LoadError(`standard input is too large to be a work (over ${maxStdinBytes} bytes)`);
		chunks.push(chunk as Buffer);
	}

	return Buffer.concat(chunks);
}
