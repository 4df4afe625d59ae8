// Reading in the terminal: the Ink app on the alternate screen, saving on every way out.

import {render, type Instance} from 'ink';
import {App} from './app.tsx';
import {CrashGuard} from './ui/CrashGuard.tsx';
import type {Anchor} from './work/anchor.ts';
import {Book} from './reader/book.ts';
import {initialState, textRows, textWidth} from './reader/state.ts';
import type {Clock} from './store/clock.ts';
import {resumeAnchor} from './store/resume.ts';
import {ReadingSession} from './store/session.ts';
import type {Store} from './store/store.ts';
import {chapterAt, fractionAt, sceneAt} from './work/progress.ts';
import {previewFromBytes, workFromFile} from './formats/open-work.ts';
import {sanitiseLine} from './work/sanitise.ts';
import type {Work} from './work/types.ts';

export type InteractiveOptions = {
	store: Store;
	clock: Clock;
	fromStart: boolean;
	color: boolean;
	mouse: boolean;
};

function placeLabel(work: Work, anchor: Anchor): string {
	const chapter = work.chapters[chapterAt(work, anchor.block)];
	const parts = [];
	if (chapter && work.chapters.length > 1) parts.push(chapter.title);
	const scene = sceneAt(work, anchor.block);
	if (scene && scene.count > 1) parts.push(`scene ${scene.number}`);
	parts.push(`${Math.floor(fractionAt(work, anchor) * 100)} %`);
	return parts.join(' · ');
}

/** Turns the terminal's mouse wheel into arrow keys while on the alternate screen (xterm's alternateScroll). */
const wheelAsArrows = {on: '\u001B[?1007h', off: '\u001B[?1007l'};

/** A work file's path and bytes; the bytes are dropped once the whole work is read. */
export type WorkSource = {path: string; bytes?: Uint8Array};

export async function readInteractively(
	source: WorkSource,
	options: InteractiveOptions,
): Promise<number> {
	const {path} = source;
	const {store} = options;
	// A large work first shows its opening while the rest is read, unless a saved place must be found.
	let preview = previewFromBytes(source.bytes!, path);
	const showPreview = preview !== undefined && store.work(preview.id) === undefined;
	let work = showPreview ? preview! : workFromFile(source, path);
	const saved = store.work(work.id);
	const settings = store.settings();
	let anchor: Anchor | undefined;
	let message: string | undefined;
	let newChapters: number[] = [];
	if (saved) {
		const added = work.chapters.length - saved.chapters;
		if (added > 0) newChapters = Array.from({length: added}, (_, index) => saved.chapters + index);
		if (options.fromStart) {
			message = 'Opened at the start; your saved place is kept until you move';
		} else {
			const resumed = resumeAnchor(work, saved.anchor);
			anchor = resumed.anchor;
			message = resumed.exact
				? `Resumed at ${placeLabel(work, anchor)}`
				: `The saved place was not found in this version; opened at ${work.chapters[chapterAt(work, anchor.block)]?.title ?? 'the start'}`;
		}

		// Put first, so that a narrow status bar cuts the place rather than the news.
		if (added > 0)
			message = `${added} new chapter${added === 1 ? '' : 's'} since you last read · ${message}`;
	}

	let book = new Book(work);
	const columns = process.stdout.columns || 80;
	const rows = process.stdout.rows || 24;
	const session = new ReadingSession(
		store,
		work,
		path,
		anchor ?? {block: 0, offset: 0},
		options.clock,
	);
	const initial = initialState({
		columns,
		rows,
		maxWidth: settings.maxWidth,
		anchor,
		message,
		bookmarks: session.marks(),
		newChapters,
	});
	// The saved anchor is a line start at another width; settle it onto this layout's lines first.
	initial.anchor = book.layout(textWidth(initial), false).clamp(initial.anchor, textRows(initial));

	let failure: unknown;
	let finished = false;
	const finish = () => {
		if (finished) return;
		finished = true;
		session.flush();
		if (options.mouse) process.stdout.write(wheelAsArrows.off);
	};

	// The crash handler may run during the first render, before render() has returned the app.
	const running: {app?: Instance} = {};
	const crash = (error: unknown) => {
		failure ??= error;
		finish();
		running.app?.unmount();
	};

	const element = (shown: Book) => (
		<CrashGuard onCrash={crash}>
			<App
				book={shown}
				initial={initial}
				color={options.color}
				wordsPerMinute={settings.wordsPerMinute}
				clock={options.clock}
				onMove={(moved, atEnd) => session.moved(moved, atEnd)}
				onBookmarks={(marks) => session.setMarks(marks)}
				onWidth={(maxWidth) => {
					if (maxWidth !== (store.settings().maxWidth ?? initial.maxWidth))
						store.saveSettings({maxWidth});
				}}
				onQuit={finish}
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
	if (showPreview) {
		// The first screen is out; now the whole work, then the same place in it.
		setImmediate(() => {
			try {
				work = workFromFile(source, path);
				preview = undefined;
				session.setWork(work);
				book = new Book(work);
				app.rerender(element(book));
				setTimeout(warmSearchIndex, 50).unref();
			} catch (error) {
				failure = error;
				app.unmount();
			}
		});
	}

	// While the reader reads, the contents and a long work's search index are made ready in small
	// steps between keys, so that neither `t` nor `/` pays for them.
	const warmSearchIndex = () => {
		if (finished) return;
		void book.toc;
		const index = book.searchIndex;
		if (index && !index.advance(8)) setTimeout(warmSearchIndex, 1).unref();
	};

	if (!showPreview) setTimeout(warmSearchIndex, 50).unref();

	const onSignal = (signal: NodeJS.Signals) => {
		finish();
		app.unmount();
		process.exitCode = 128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15);
	};

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
		process.removeListener('uncaughtException', crash);
		process.removeListener('unhandledRejection', crash);
	}

	if (failure) throw failure;
	for (const warning of work.warnings)
		process.stderr.write(`ficterm: warning: ${sanitiseLine(warning)}\n`);

	return Number(process.exitCode ?? 0);
}
