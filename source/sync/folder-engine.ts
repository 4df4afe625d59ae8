// The synced-folder engine: each device keeps its place for a work in a small file of its own in a
// folder that Syncthing, Dropbox or the like copies between machines, and reads the others' files.

import {existsSync, mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {lstat, readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {resumeAnchor, savedAnchor} from '../store/resume.ts';
import type {Work} from '../work/types.ts';
import type {Device} from './device.ts';
import type {LocalPlace, RemotePlace, SyncEngine, SyncedWork} from './engine.ts';
import {
	deviceFileText,
	deviceOfFileName,
	folderRoot,
	maxFileBytes,
	readDeviceFile,
	workKey,
} from './folder-file.ts';

/** More devices than anyone reads on; past this the folder is not what ficterm wrote. */
const maxDevices = 64;

type Cached = {stamp: string; work: Work; place?: RemotePlace};

export class FolderEngine implements SyncEngine {
	readonly name = 'sync folder';
	readonly #root: string;
	readonly #device: Device;
	#problems: string[] = [];
	readonly #told = new Set<string>();
	/** Each file as last read, so that an unchanged file is neither read nor reported again. */
	readonly #cache = new Map<string, Cached>();

	constructor(root: string, device: Device) {
		this.#root = root;
		this.#device = device;
	}

	#tell(problem: string): void {
		if (this.#told.has(problem)) return;
		this.#told.add(problem);
		this.#problems.push(problem);
	}

	problems(): string[] {
		const problems = this.#problems;
		this.#problems = [];
		return problems;
	}

	#folderOf(work: Work): string {
		return join(this.#root, ...folderRoot, workKey(work.id));
	}

	/** The synced folder itself must exist: an unmounted disk is told, never made anew. */
	#rootIsThere(): boolean {
		if (existsSync(this.#root)) return true;
		this.#tell(`the sync folder ${this.#root} is missing`);
		return false;
	}

	async pull({work}: SyncedWork, signal: AbortSignal): Promise<RemotePlace[]> {
		if (!this.#rootIsThere()) return [];
		const folder = this.#folderOf(work);
		let names: string[];
		try {
			names = await readdir(folder);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
				this.#tell(`cannot read ${folder} (${(error as NodeJS.ErrnoException).code})`);
			return [];
		}

		const places: RemotePlace[] = [];
		let devices = 0;
		for (const name of names) {
			if (signal.aborted) break;
			// Only `<device id>.json`: conflict copies, temporary and partial files have other names.
			const device = deviceOfFileName(name);
			if (!device || device === this.#device.id) continue;
			if (++devices > maxDevices) {
				this.#tell(`more than ${maxDevices} devices in ${folder}; the rest are not read`);
				break;
			}

			const place = await this.#read(join(folder, name), device, work);
			if (place) places.push(place);
		}

		return places;
	}

	async #read(path: string, device: string, work: Work): Promise<RemotePlace | undefined> {
		try {
			const stat = await lstat(path);
			// A link or a pipe in a synced folder is not ficterm's: reading a pipe would never end.
			if (!stat.isFile()) return undefined;
			const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
			const cached = this.#cache.get(path);
			if (cached?.stamp === stamp && cached.work === work) return cached.place;
			const place =
				stat.size > maxFileBytes
					? this.#reject(path, `it is too large (${stat.size} bytes)`)
					: this.#placeOf(path, await readFile(path, 'utf8'), device, work);
			this.#cache.set(path, {stamp, work, place});
			return place;
		} catch (error) {
			// Gone between the listing and the read: the sync program replaced it; the next pull sees it.
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
				this.#tell(`cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
			return undefined;
		}
	}

	#reject(path: string, problem: string): undefined {
		this.#tell(`ignored ${path}: ${problem}`);
		return undefined;
	}

	#placeOf(path: string, text: string, device: string, work: Work): RemotePlace | undefined {
		const read = readDeviceFile(text, {device, work: work.id});
		if (read.problem !== undefined) return this.#reject(path, read.problem);
		const {file} = read;
		const {anchor, exact} = resumeAnchor(work, file.anchor);
		return {
			device: file.device.name,
			updatedAt: file.updatedAt,
			anchor,
			exact,
			bookmarks: file.bookmarks,
			deletedBookmarks: file.deletedBookmarks,
		};
	}

	/** Writes at once (small, local): a push started at quit is done before the process ends. */
	async push({work}: SyncedWork, place: LocalPlace, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted || !this.#rootIsThere()) return;
		const folder = this.#folderOf(work);
		const {id, name} = this.#device;
		// Syncthing never copies a file named `.syncthing.*` (its own temporary files), so a
		// half-written one stays here; the rename makes the whole file appear at once.
		const temporary = join(folder, `.syncthing.${id}.json.ficterm-${process.pid}.tmp`);
		try {
			mkdirSync(folder, {recursive: true});
			const text = deviceFileText({
				format: 'ficterm-sync',
				version: 1,
				work: work.id,
				title: work.meta.title,
				device: {id, name},
				updatedAt: place.updatedAt,
				anchor: savedAnchor(work, place.anchor),
				fraction: place.fraction,
				bookmarks: place.bookmarks,
				deletedBookmarks: place.deletedBookmarks,
			});
			writeFileSync(temporary, text);
			renameSync(temporary, join(folder, `${id}.json`));
		} catch (error) {
			try {
				rmSync(temporary, {force: true});
			} catch {
				// A folder that refused the write may refuse this too; the name keeps it out of sync.
			}

			this.#tell(`cannot write to ${folder} (${(error as NodeJS.ErrnoException).code})`);
		}
	}
}
