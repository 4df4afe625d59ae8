// Reading in the terminal: the Ink app on the alternate screen, saving on every way out.

import {render} from 'ink';
import {App} from './app.tsx';
import type {Anchor} from './layout/anchor.ts';
import {Book} from './reader/book.ts';
import {initialState, textRows, textWidth} from './reader/state.ts';
import {resumeAnchor} from './store/resume.ts';
import {ReadingSession} from './store/session.ts';
import {Store} from './store/store.ts';
import {chapterAt, fractionAt, sectionAt} from './work/progress.ts';
import type {Work} from './work/types.ts';

export type InteractiveOptions = {storeDirectory?: string; fromStart: boolean; color: boolean};

function placeLabel(work: Work, anchor: Anchor): string {
	const chapter = work.chapters[chapterAt(work, anchor.block)];
	const parts = [];
	if (chapter && work.chapters.length > 1) parts.push(chapter.title);
	const section = sectionAt(work, anchor.block);
	const scenes = work.sections.filter((other) => other.chapter === work.sections[section]?.chapter);
	if (scenes.length > 1) parts.push(`scene ${scenes.indexOf(work.sections[section]!) + 1}`);
	parts.push(`${Math.floor(fractionAt(work, anchor) * 100)} %`);
	return parts.join(' · ');
}

export async function readInteractively(
	work: Work,
	path: string,
	options: InteractiveOptions,
): Promise<number> {
	const store = new Store(options.storeDirectory);
	for (const warning of store.warnings) process.stderr.write(`ficterm: warning: ${warning}\n`);
	const saved = store.work(work.id);
	const settings = store.settings();
	const session = new ReadingSession(store, work, path);
	let anchor: Anchor | undefined;
	let message: string | undefined;
	if (saved && !options.fromStart) {
		const resumed = resumeAnchor(work, saved.anchor);
		anchor = resumed.anchor;
		message = resumed.exact
			? `Resumed at ${placeLabel(work, anchor)}`
			: `The saved place was not found in this version; opened at ${work.chapters[chapterAt(work, anchor.block)]?.title ?? 'the start'}`;
		const added = work.chapters.length - saved.chapters;
		if (added > 0)
			message += ` · ${added} new chapter${added === 1 ? '' : 's'} since you last read`;
	}

	const book = new Book(work);
	const columns = process.stdout.columns || 80;
	const rows = process.stdout.rows || 24;
	const initial = initialState({columns, rows, maxWidth: settings.maxWidth, anchor, message});
	// The saved anchor is a line start at another width; settle it onto this layout's lines first.
	initial.anchor = book.layout(textWidth(initial), false).clamp(initial.anchor, textRows(initial));

	let finished = false;
	const finish = () => {
		if (finished) return;
		finished = true;
		session.flush();
	};

	const app = render(
		<App
			book={book}
			initial={initial}
			color={options.color}
			wordsPerMinute={settings.wordsPerMinute}
			onMove={(moved) => session.moved(moved)}
			onWidth={(maxWidth) => {
				if (maxWidth !== (store.settings().maxWidth ?? initial.maxWidth))
					store.saveSettings({maxWidth});
			}}
			onQuit={finish}
		/>,
		{
			alternateScreen: true,
			interactive: true,
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: 120,
			incrementalRendering: true,
		},
	);

	const onSignal = (signal: NodeJS.Signals) => {
		finish();
		app.unmount();
		process.exitCode = 128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15);
	};

	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
	try {
		await app.waitUntilExit();
	} finally {
		finish();
	}

	return Number(process.exitCode ?? 0);
}
