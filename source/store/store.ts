// The saved state on disk (conf): positions, bookmarks and library entries per work, and settings.

import {existsSync, mkdirSync, renameSync} from 'node:fs';
import {dirname, join} from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import {sanitiseLine} from '../work/sanitise.ts';
import {withFileLock} from './file-lock.ts';
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

export class Store {
	readonly path: string;
	/** The warnings given so far, when no one was told them as they came. */
	readonly warnings: string[] = [];
	#conf: Conf<Data>;
	readonly #options: ConstructorParameters<typeof Conf<Data>>[0];
	readonly #warn: Warn;

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
		this.#conf = this.#open();
	}

	#open(): Conf<Data> {
		try {
			return new Conf<Data>(this.#options);
		} catch (error) {
			if (!existsSync(this.path)) throw error;
			const aside = `${this.path}.corrupt-${Date.now()}`;
			renameSync(this.path, aside);
			this.#warn(
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

	/**
	 * A saved entry of the right shape; one of another shape is set aside (kept in the file under
	 * another key), told once, and read as nothing, so that it never stops a work from opening.
	 */
	#checked<T>(key: string, value: unknown, schema: Parameters<typeof check<T>>[0]): T | undefined {
		const checked = check(schema, value);
		if (checked.problem === undefined) return checked.value;
		const asideKey = `${asidePrefix}${key} ${new Date().toISOString()}`;
		this.#write((conf) => {
			// Another ficterm may have put it right meanwhile: only what was read is moved.
			if (JSON.stringify(conf.get(key)) !== JSON.stringify(value)) return;
			conf.set(asideKey, value);
			conf.delete(key);
		});
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
		const value = this.#guard((conf) => conf.get(workPrefix + id));
		return value === undefined ? undefined : this.#checked(workPrefix + id, value, savedWorkSchema);
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
		const entries = this.#guard((conf) =>
			Object.entries(conf.store).filter(([key]) => key.startsWith(workPrefix)),
		);
		return entries.flatMap(([key, value]) => {
			const work = this.#checked(key, value, savedWorkSchema);
			return work ? [work] : [];
		});
	}

	settings(): Settings {
		const value = this.#guard((conf) => conf.get(settingsKey));
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
