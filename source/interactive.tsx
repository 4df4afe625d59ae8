// Reading in the terminal: the Ink app on the alternate screen, saving on every way out.

import {render, type Instance} from 'ink';
import {App} from './app.tsx';
import {CrashGuard} from './ui/CrashGuard.tsx';
import type {Anchor} from './work/anchor.ts';
import {Book} from './reader/book.ts';
import {initialState, textRows, textWidth} from './reader/state.ts';
import type {Clock} from './store/clock.ts';
import {resumeAnchor} from './store/resume.ts';
import {savedFor} from './store/earlier-version.ts';
import {ReadingSession} from './store/session.ts';
import {StoreError, type Store} from './store/store.ts';
import {readWholeWork} from './whole-work.ts';
import {openingOfSource, wholeBytes, type WorkSource} from './work-source.ts';
import {readBeforeScreen} from './whole-before-screen.ts';
import type {Arrival} from './reader/loading.ts';
import {arrivalFor} from './arrival.ts';
import {sanitiseLine} from './work/sanitise.ts';
import type {Work} from './work/types.ts';
import type {WorkTexts} from './work/work-texts.ts';
import type {SyncEngine} from './sync/engine.ts';
import {actionRelay, SyncRunner} from './sync-runner.ts';

export type InteractiveOptions = {
	store: Store;
	clock: Clock;
	fromStart: boolean;
	color: boolean;
	mouse: boolean;
	/** Ruby readings (furigana) after their base text; false leaves them out. */
	readings?: boolean;
	/** The sync engines set up (a synced folder, a kosync server); none: no sync. */
	engines?: SyncEngine[];
};

/** Turns the terminal's mouse wheel into arrow keys while on the alternate screen (xterm's alternateScroll). */
const wheelAsArrows = {on: '\u001B[?1007h', off: '\u001B[?1007l'};

/** How long one step of building a long work's search index may hold up a key. */
const indexStepMs = 4;

export async function readInteractively(
	source: WorkSource,
	options: InteractiveOptions,
): Promise<number> {
	// Keys typed from now on wait in the terminal's buffer instead of being echoed over the screen
	// while the work is opened; raw mode is given back however reading ends.
	const tty = process.stdin.isTTY;
	if (tty) process.stdin.setRawMode(true);
	try {
		return await read(source, options);
	} finally {
		if (tty) process.stdin.setRawMode(false);
	}
}

async function read(source: WorkSource, options: InteractiveOptions): Promise<number> {
	const {path} = source;
	const {store} = options;
	// A large work first shows its opening while the whole of it is read in a worker; one whose
	// opening names nothing on its own is read whole in the worker before the first screen.
	let work = await openingOfSource(source);
	let texts: WorkTexts | undefined;
	if (!work) {
		const before = await readBeforeScreen(await wholeBytes(source), path);
		if ('quit' in before) return before.quit === 'stop' ? 130 : 0;
		({work, texts} = before);
	}

	const preview = work.partial ? work : undefined;
	const saved = savedFor(store, work, path);
	const settings = store.settings();

	const arrivalOf = (whole: Work): Arrival => arrivalFor(whole, saved, options.fromStart);

	let anchor: Anchor | undefined;
	let message: string | undefined;
	let newChapters: number[] = [];
	let changed = false;
	let waitingForPlace = false;
	if (!preview) {
		({anchor, message, newChapters = [], changed = false} = arrivalOf(work));
	} else if (saved && !options.fromStart) {
		// The place is shown at once if the opening read so far holds it (not in its last block,
		// which may be cut short); otherwise every key waits until the whole work has found it.
		// Only the saved block itself counts: a copy of its words earlier in the opening is no proof,
		// since the place may lie beyond what is read so far.
		const early = resumeAnchor(preview, saved.anchor);
		const same = early.exact && early.anchor.block === saved.anchor.block;
		if (same && early.anchor.block < preview.blocks.length - 1) anchor = early.anchor;
		else waitingForPlace = true;
	}

	let book = new Book(work, {readings: options.readings, texts});
	const columns = process.stdout.columns || 80;
	const rows = process.stdout.rows || 24;
	const session = new ReadingSession(
		store,
		work,
		path,
		anchor ?? {block: 0, offset: 0},
		options.clock,
		saved ?? null,
	);
	const initial = initialState({
		columns,
		rows,
		maxWidth: settings.maxWidth,
		anchor,
		message: waitingForPlace ? 'Finding your place in the whole work…' : message,
		bookmarks: session.marks(),
		newChapters,
		waitingForPlace,
		changed,
	});
	// The saved anchor is a line start at another width; settle it onto this layout's lines first.
	initial.anchor = book.layout(textWidth(initial), false).clamp(initial.anchor, textRows(initial));
	const relay = actionRelay();
	const engines = options.engines ?? [];
	const sync =
		engines.length > 0
			? new SyncRunner({
					engines,
					synced: {work, path},
					session,
					clock: options.clock,
					anchor: initial.anchor,
					dispatch: relay.dispatch,
				})
			: undefined;
	let syncStopped: Promise<void> | undefined;

	let failure: unknown;
	let stopReading = () => {};
	let finished = false;
	const finish = () => {
		if (finished) return;
		finished = true;
		stopReading();
		session.flush();
		syncStopped = sync?.stop();
		untellStore();
		if (options.mouse) process.stdout.write(wheelAsArrows.off);
	};

	// The crash handler may run during the first render, before render() has returned the app.
	const running: {app?: Instance} = {};
	const crash = (error: unknown) => {
		failure ??= error;
		finish();
		running.app?.unmount();
	};

	// The store's news (a place that cannot be saved, a state file moved aside) goes to the status
	// line, through the same relay as sync's news: held until the app is there to take it.
	const notify = (text: string) => relay.dispatch({type: 'message', text: sanitiseLine(text)});

	session.onSaveNews(notify);
	const untellStore = store.tellWarningsTo((warning) => notify(`Saved state: ${warning}`));
	const element = (shown: Book, arrival?: Arrival) => (
		<CrashGuard onCrash={crash}>
			<App
				book={shown}
				initial={initial}
				arrival={arrival}
				color={options.color}
				wordsPerMinute={settings.wordsPerMinute}
				clock={options.clock}
				onMove={(moved, atEnd) => {
					session.moved(moved, atEnd);
					sync?.moved(moved);
				}}
				onBookmarks={(marks) => {
					session.setMarks(marks);
					sync?.moved();
				}}
				events={relay.events}
				onWidth={(maxWidth) => {
					if (maxWidth === (store.settings().maxWidth ?? initial.maxWidth)) return;
					try {
						store.saveSettings({maxWidth});
					} catch (error) {
						if (!(error instanceof StoreError)) throw error;
						notify(`The text width cannot be saved: ${error.reason}`);
					}
				}}
				onQuit={(state) => {
					// Ctrl+C stops the program even from a work opened in the library, as it does everywhere.
					if (state.quitting === 'stop') process.exitCode = 130;
					finish();
				}}
			/>
		</CrashGuard>
	);
	const app = render(element(book), {
		alternateScreen: true,
		interactive: true,
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: 120,
		incrementalRendering: true,
	});
	running.app = app;
	// A crash during the very first render came before there was an app to unmount.
	if (failure) app.unmount();
	else process.stdout.write(options.mouse ? wheelAsArrows.on : wheelAsArrows.off);
	const readWhole = (bytes: Uint8Array) => {
		if (finished) return;
		stopReading = readWholeWork(bytes, path, {
			done(whole, wholeTexts) {
				if (finished) return;
				work = whole;
				session.setWork(whole);
				sync?.setWork({work: whole, path});
				book = new Book(whole, {readings: options.readings, texts: wholeTexts});
				app.rerender(element(book, arrivalOf(whole)));
				setTimeout(warmContents, 50).unref();
				// Other devices' places are found in the whole work, once it is here.
				sync?.start();
			},
			failed: failedToRead,
		});
	};

	function failedToRead(error: unknown) {
		failure = error;
		finish();
		app.unmount();
	}

	if (preview) wholeBytes(source).then(readWhole, failedToRead);

	// While the reader reads, the contents and a long work's search index are made ready in small
	// steps between keys, so that neither `t` nor `/` pays for them, and a key pressed meanwhile
	// waits for one step at most: the contents (10 ms at 5M words) are a step of their own.
	const warmSearchIndex = () => {
		if (finished) return;
		const index = book.searchIndex;
		if (index && !index.advance(indexStepMs)) setTimeout(warmSearchIndex, 1).unref();
	};

	const warmContents = () => {
		if (finished) return;
		void book.toc;
		setTimeout(warmSearchIndex, 1).unref();
	};

	if (!preview) {
		setTimeout(warmContents, 50).unref();
		// After the first screen, never before it.
		setTimeout(() => sync?.start(), 50).unref();
	}

	const onSignal = (signal: NodeJS.Signals) => {
		finish();
		app.unmount();
		process.exitCode = 128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15);
	};

	// A terminal that goes away makes every write fail (EIO): save, then leave without a word.
	const onTerminalGone = () => {
		finish();
		process.exit(process.exitCode ?? 129);
	};

	process.stdout.on('error', onTerminalGone);
	process.stdin.on('error', onTerminalGone);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
	// Whatever goes wrong, the terminal is given back and the place is saved before the error is told.
	process.once('uncaughtException', crash);
	process.once('unhandledRejection', crash);
	try {
		await app.waitUntilExit();
	} finally {
		finish();
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
			process.removeListener(signal, onSignal);
		process.stdout.removeListener('error', onTerminalGone);
		process.stdin.removeListener('error', onTerminalGone);
		process.removeListener('uncaughtException', crash);
		process.removeListener('unhandledRejection', crash);
	}

	await syncStopped;
	if (failure) throw failure;
	const unsaved = session.saveProblem();
	if (unsaved)
		process.stderr.write(`ficterm: your place could not be saved: ${sanitiseLine(unsaved)}\n`);
	for (const warning of work.warnings)
		process.stderr.write(`ficterm: warning: ${sanitiseLine(warning)}\n`);

	return Number(process.exitCode ?? 0);
}
