// The saved state on disk (conf): positions, bookmarks and library entries per work, and settings.

import {existsSync, mkdirSync, renameSync} from 'node:fs';
import {dirname, join} from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import {withFileLock} from './file-lock.ts';

export type SavedAnchor = {
	block: number;
	offset: number;
	/** The text from the offset on, and the block's first words, to find the place in a changed work. */
	snippet: string;
	opening: string;
	chapter: number;
};

export type Bookmark = SavedAnchor & {label: string; createdAt: string};

export type SavedWork = {
	id: string;
	title: string;
	authors: string[];
	path: string;
	format: string;
	anchor: SavedAnchor;
	fraction: number;
	chapters: number;
	words: number;
	readAt: string;
	bookmarks: Bookmark[];
};

export type Settings = {maxWidth?: number; wordsPerMinute?: number};

const workPrefix = 'work ';
const configName = 'state';

type Data = Record<string, unknown>;

export class Store {
	readonly path: string;
	readonly warnings: string[] = [];
	#conf: Conf<Data>;
	readonly #options: ConstructorParameters<typeof Conf<Data>>[0];

	constructor(directory = envPaths('ficterm', {suffix: ''}).config) {
		this.path = join(directory, `${configName}.json`);
		this.#options = {
			projectName: 'ficterm',
			configName,
			cwd: directory,
			accessPropertiesByDotNotation: false,
		};
		this.#conf = this.#open();
	}

	#open(): Conf<Data> {
		try {
			return new Conf<Data>(this.#options);
		} catch (error) {
			if (!existsSync(this.path)) throw error;
			const aside = `${this.path}.corrupt-${Date.now()}`;
			renameSync(this.path, aside);
			this.warnings.push(
				`the saved state could not be read; it was kept as ${aside} and a new one started`,
			);
			return new Conf<Data>(this.#options);
		}
	}

	/** Runs a store operation; a file another process broke is moved aside once, then tried again. */
	#guard<T>(operation: (conf: Conf<Data>) => T): T {
		try {
			return operation(this.#conf);
		} catch (error) {
			if (!(error instanceof SyntaxError)) throw error;
			this.#conf = this.#open();
			return operation(this.#conf);
		}
	}

	/** A write: conf reads the file afresh and writes it whole, under a lock that other processes respect. */
	#write(operation: (conf: Conf<Data>) => void): void {
		mkdirSync(dirname(this.path), {recursive: true});
		withFileLock(`${this.path}.lock`, () => this.#guard(operation));
	}

	work(id: string): SavedWork | undefined {
		return this.#guard((conf) => conf.get(workPrefix + id) as SavedWork | undefined);
	}

	saveWork(entry: SavedWork): void {
		this.#write((conf) => {
			conf.set(workPrefix + entry.id, entry);
		});
	}

	forget(id: string): boolean {
		let had = false;
		this.#write((conf) => {
			had = conf.has(workPrefix + id);
			conf.delete(workPrefix + id);
		});
		return had;
	}

	works(): SavedWork[] {
		return this.#guard((conf) =>
			Object.entries(conf.store)
				.filter(([key]) => key.startsWith(workPrefix))
				.map(([, value]) => value as SavedWork),
		);
	}

	settings(): Settings {
		return this.#guard((conf) => (conf.get('settings') as Settings | undefined) ?? {});
	}

	saveSettings(settings: Settings): void {
		this.#write((conf) => {
			conf.set('settings', {...this.settings(), ...settings});
		});
	}
}
