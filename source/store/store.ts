// The saved state on disk (conf): positions, bookmarks and library entries per work, and settings.

import {existsSync, mkdirSync, renameSync, statSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import {sanitiseLine} from '../work/sanitise.ts';
import {StoreError} from './store-error.ts';
import {LockPathError, tryWithFileLock, withFileLock} from './file-lock.ts';
import {check, savedWorkSchema, settingsSchema, type SavedWork, type Settings} from './schema.ts';

export type {Bookmark, SavedAnchor, SavedWork, Settings} from './schema.ts';

const workPrefix = 'work ';
const settingsKey = 'settings';
/** Entries of a shape ficterm cannot read are kept under this prefix, out of the way. */
const asidePrefix = 'set aside ';
const configName = 'state';

type Data = Record<string, unknown>;

/** Told each problem with the saved state once, in one line. */
export type Warn = (warning: string) => void;

export {StoreError} from './store-error.ts';

/** What went wrong with the state folder, in a few words. */
function reasonOf(error: unknown): string {
	if (error instanceof LockPathError) return error.message;
	const {code, path} = error as NodeJS.ErrnoException;
	// The name only: a status line has no room for a whole path.
	const where = path ? ` (${basename(path)})` : '';
	switch (code) {
		case 'EACCES':
		case 'EPERM': {
			return `permission denied${where}`;
		}

		case 'EROFS': {
			return 'the disk is read-only';
		}

		case 'ENOSPC': {
			return 'the disk is full';
		}

		case 'EDQUOT': {
			return 'over the disk quota';
		}

		case 'ENOTDIR':
		case 'EEXIST': {
			return `a file stands where its folder should be${where}`;
		}

		case 'EISDIR': {
			return `a folder stands where its file should be${where}`;
		}

		case 'EFTYPE': {
			return `it is not a regular file${where}`;
		}

		default: {
			return code ?? (error as Error)?.message ?? String(error);
		}
	}
}

export class Store {
	readonly path: string;
	/** The warnings given so far, when no one was told them as they came. */
	readonly warnings: string[] = [];
	/** Undefined while the state folder cannot be opened; tried again on each use. */
	#conf: Conf<Data> | undefined;
	readonly #options: ConstructorParameters<typeof Conf<Data>>[0];
	#warn: Warn;

	constructor(
		directory = envPaths('ficterm', {suffix: ''}).config,
		warn: Warn = (warning) => this.warnings.push(warning),
	) {
		this.#warn = warn;
		this.path = join(directory, `${configName}.json`);
		this.#options = {
			projectName: 'ficterm',
			configName,
			cwd: directory,
			accessPropertiesByDotNotation: false,
		};
		this.#conf = this.#tryOpen(true);
	}

	/** Sends the store's warnings to `warn` (the reader's status line) until the function returned is called. */
	tellWarningsTo(warn: Warn): () => void {
		const before = this.#warn;
		this.#warn = warn;
		return () => {
			this.#warn = before;
		};
	}

	/** conf reads the file whole at each use: a FIFO or a device there would block the reader for good. */
	#mustBeFile(): void {
		const stat = statSync(this.path, {throwIfNoEntry: false});
		if (!stat || stat.isFile() || stat.isDirectory()) return;
		throw Object.assign(new Error(`${this.path} is not a regular file`), {
			code: 'EFTYPE',
			path: this.path,
		});
	}

	#open(): Conf<Data> {
		this.#mustBeFile();
		try {
			return new Conf<Data>(this.#options);
		} catch (error) {
			// Only a file that does not parse is corrupt; any other trouble is the folder's.
			if (!(error instanceof SyntaxError) || !existsSync(this.path)) throw error;
			const aside = `${this.path}.corrupt-${Date.now()}`;
			renameSync(this.path, aside);
			this.#warn(
				`the saved state could not be read; it was kept as ${aside} and a new one started`,
			);
			return new Conf<Data>(this.#options);
		}
	}

	/** The store, or undefined when its folder cannot be used now (said if `tell`). */
	#tryOpen(tell: boolean): Conf<Data> | undefined {
		try {
			return this.#open();
		} catch (error) {
			if (tell) this.#warn(`the saved state in ${this.path} cannot be used: ${reasonOf(error)}`);
			return undefined;
		}
	}

	/** Runs a store read; a file another process broke is moved aside once, then tried again. */
	#guard<T>(operation: (conf: Conf<Data>) => T, fallback: T): T {
		// Read as nothing while the folder cannot be used: saving says why, once, where it fails.
		this.#conf ??= this.#tryOpen(false);
		if (!this.#conf) return fallback;
		try {
			try {
				this.#mustBeFile();
				return operation(this.#conf);
			} catch (error) {
				if (!(error instanceof SyntaxError)) throw error;
				this.#conf = this.#open();
				return operation(this.#conf);
			}
		} catch (error) {
			// The folder went away or changed under the reader: read as nothing for now.
			if (!(error as NodeJS.ErrnoException).code) throw error;
			this.#conf = undefined;
			return fallback;
		}
	}

	/**
	 * A write: conf reads the file afresh and writes it whole, under a lock that other processes
	 * respect. With `wait` false, a lock another process holds makes it return false, unwritten.
	 * A folder or file that cannot be written throws a StoreError.
	 */
	#write(operation: (conf: Conf<Data>) => void, wait = true): boolean {
		try {
			this.#conf ??= this.#open();
			this.#mustBeFile();
			mkdirSync(dirname(this.path), {recursive: true});
			const conf = this.#conf;
			const run = () => {
				try {
					operation(conf);
				} catch (error) {
					if (!(error instanceof SyntaxError)) throw error;
					this.#conf = this.#open();
					operation(this.#conf);
				}
			};

			const lock = `${this.path}.lock`;
			if (wait) withFileLock(lock, run);
			else if (!tryWithFileLock(lock, run)) return false;
			return true;
		} catch (error) {
			this.#conf = undefined;
			throw new StoreError(reasonOf(error));
		}
	}

	/**
	 * A saved entry of the right shape; one of another shape is set aside (kept in the file under
	 * another key), told once, and read as nothing, so that it never stops a work from opening.
	 */
	#checked<T>(key: string, value: unknown, schema: Parameters<typeof check<T>>[0]): T | undefined {
		const checked = check(schema, value);
		if (checked.problem === undefined) return checked.value;
		const asideKey = `${asidePrefix}${key} ${new Date().toISOString()}`;
		try {
			this.#write((conf) => {
				// Another ficterm may have put it right meanwhile: only what was read is moved.
				if (JSON.stringify(conf.get(key)) !== JSON.stringify(value)) return;
				conf.set(asideKey, value);
				conf.delete(key);
			});
		} catch (error) {
			// A folder that cannot be written keeps the entry where it is; it is read as nothing all the same.
			if (!(error instanceof StoreError)) throw error;
		}
		const title = (value as {title?: unknown} | undefined)?.title;
		const name = typeof title === 'string' && title ? `"${title}"` : key.slice(workPrefix.length);
		const [what, then] =
			key === settingsKey
				? ['the saved settings are', 'the defaults are used']
				: [`the saved place of ${name} is`, 'the work is taken as never read'];
		this.#warn(
			sanitiseLine(
				`${what} not in a shape ficterm reads (${checked.problem}), so ${then}; the entry is kept in ${this.path} under "${asideKey}"`,
			),
		);
		return undefined;
	}

	work(id: string): SavedWork | undefined {
		const value = this.#guard((conf) => conf.get(workPrefix + id), undefined);
		return value === undefined ? undefined : this.#checked(workPrefix + id, value, savedWorkSchema);
	}

	/**
	 * Saves a work's entry, in place of the entry of an earlier version (`replaces`, its id) if
	 * given; with `wait` false, returns false unsaved while another process holds the lock.
	 */
	saveWork(
		entry: SavedWork,
		{wait = true, replaces}: {wait?: boolean; replaces?: string} = {},
	): boolean {
		return this.#write((conf) => {
			conf.set(workPrefix + entry.id, entry);
			if (replaces !== undefined && replaces !== entry.id) conf.delete(workPrefix + replaces);
		}, wait);
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
		const entries = this.#guard(
			(conf) => Object.entries(conf.store).filter(([key]) => key.startsWith(workPrefix)),
			[],
		);
		return entries.flatMap(([key, value]) => {
			const work = this.#checked(key, value, savedWorkSchema);
			return work ? [work] : [];
		});
	}

	settings(): Settings {
		const value = this.#guard((conf) => conf.get(settingsKey), undefined);
		return (value !== undefined && this.#checked(settingsKey, value, settingsSchema)) || {};
	}

	saveSettings(settings: Settings): void {
		// Read first, so that settings of a wrong shape are set aside and told as anywhere else.
		this.settings();
		this.#write((conf) => {
			const current = check(settingsSchema, conf.get(settingsKey)).value ?? {};
			conf.set(settingsKey, {...current, ...settings});
		});
	}
}
