// `ficterm` with no file: the library, then the chosen work, then back to the library.

import {render} from 'ink';
import {readInteractively, type InteractiveOptions} from './interactive.tsx';
import {LibraryApp} from './library-app.tsx';
import {readWorkFile} from './formats/read-work-file.ts';
import {LoadError} from './work/decode.ts';
import {sanitiseLine} from './work/sanitise.ts';
import {StoreError} from './store/store.ts';
import {libraryEntries} from './library/entries.ts';
import type {LibraryState} from './library/library-state.ts';

export type LibraryOptions = Omit<InteractiveOptions, 'fromStart'> & {folders: string[]};

async function chooseWork(options: LibraryOptions): Promise<string | undefined> {
	const {store, folders} = options;
	let last: LibraryState | undefined;
	const app = render(
		<LibraryApp
			entries={libraryEntries(store.works(), folders)}
			now={options.clock.now()}
			onState={(state) => {
				last = state;
			}}
		/>,
		{alternateScreen: true, interactive: true, exitOnCtrlC: false, patchConsole: false},
	);
	const onSignal = () => app.unmount();
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
	try {
		await app.waitUntilExit();
	} finally {
		for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
			process.removeListener(signal, onSignal);
	}

	// What was forgotten and not taken back is forgotten now that the library is closed.
	try {
		for (const {entry} of last?.forgotten ?? []) if (entry.id) store.forget(entry.id);
	} catch (error) {
		if (!(error instanceof StoreError)) throw error;
		process.stderr.write(`ficterm: nothing was forgotten: ${sanitiseLine(error.reason)}\n`);
	}
	return last?.chosen;
}

export async function runLibrary(options: LibraryOptions): Promise<number> {
	for (;;) {
		const path = await chooseWork(options);
		if (!path) return 0;
		try {
			const status = await readInteractively(
				{path, bytes: readWorkFile(path)},
				{...options, fromStart: false},
			);
			if (status !== 0) return status;
		} catch (error) {
			if (!(error instanceof LoadError)) throw error;
			process.stderr.write(`ficterm: ${sanitiseLine(error.message)}\n`);
		}
	}
}
