// The kosync engine: publishes this device's place to a KOReader sync server under two document
// ids, and reads the places other devices (KOReader e-readers, other ficterms) left there.

import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import * as v from 'valibot';
import {resumeAnchor, savedAnchor} from '../store/resume.ts';
import {anchorAtFraction} from '../work/progress.ts';
import type {Format, Work} from '../work/types.ts';
import {epubElementPaths, type DocumentElementPaths} from '../formats/epub-element-paths.ts';
import type {Device} from './device.ts';
import type {LocalPlace, RemotePlace, SyncEngine, SyncedWork} from './engine.ts';
import {noteStatus} from './kosync-account.ts';
import {
	KosyncError,
	pullProgress,
	pushProgress,
	type KosyncAccount,
	type KosyncProgress,
} from './kosync-client.ts';
import {dequeue, enqueue, readQueue, toProgress} from './kosync-queue.ts';
import {partialMd5} from './partial-md5.ts';
import {anchorAtXPointer, xpointerAt} from './xpointer.ts';

/** ficterm's own place, carried as `progress` under the work's id: a saved anchor, versioned. */
const fictermPlaceSchema = v.object({
	ficterm: v.literal(1),
	block: v.pipe(v.number(), v.integer(), v.minValue(0)),
	offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
	snippet: v.pipe(v.string(), v.maxLength(256)),
	opening: v.pipe(v.string(), v.maxLength(256)),
	chapter: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const maxSentFromQueue = 20;

/** The formats whose blocks carry EPUB element numbers. */
const epubFormats = new Set<Format>(['epub', 'ao3-epub', 'fff-epub']);

/** The id under which ficterm keeps its own anchor: the same for every file and format of a work. */
export function workDocument(work: Work): string {
	return createHash('md5').update(`ficterm:${work.id}`).digest('hex');
}

/** KOReader's percentage: a share of the work, cut (not rounded) to four decimals as it does. */
export function kosyncPercentage(fraction: number): number {
	return Math.floor(Math.max(0, Math.min(1, fraction)) * 10_000) / 10_000;
}

/** Whether a request may work later: no answer at all, or a server in trouble. */
const worthRetrying = (error: unknown) =>
	error instanceof KosyncError && (error.status === undefined || error.status >= 500);

export type KosyncEngineOptions = {
	/** ficterm's folder: the queue and the status live there. */
	folder: string;
	account: KosyncAccount;
	device: Device;
	now?: () => Date;
};

export class KosyncEngine implements SyncEngine {
	readonly name = 'kosync server';
	readonly #options: KosyncEngineOptions;
	readonly #now: () => Date;
	readonly #fileIds = new Map<string, Promise<string | undefined>>();
	/**
	 * The EPUB whose element paths are read, opened once (its bytes kept) when the first place is
	 * pulled: a push, even the last one on quitting, then reads only the one document it needs.
	 */
	#epub: {path: string; paths: Promise<DocumentElementPaths>} | undefined;
	#problems: string[] = [];
	/** The last problem told, so that a server down for an hour is told once, not every push. */
	#told: string | undefined;

	constructor(options: KosyncEngineOptions) {
		this.#options = options;
		this.#now = options.now ?? (() => new Date());
	}

	problems(): string[] {
		const problems = this.#problems;
		this.#problems = [];
		return problems;
	}

	#problem(message: string): void {
		if (message === this.#told) return;
		this.#told = message;
		this.#problems.push(`kosync: ${message}`);
	}

	#succeeded(): void {
		this.#told = undefined;
		noteStatus(this.#options.folder, this.#now());
	}

	#failed(error: unknown): void {
		const message = error instanceof Error ? error.message : String(error);
		if (message === 'cancelled') return;
		noteStatus(this.#options.folder, this.#now(), message);
		this.#problem(message);
	}

	/** KOReader's partial MD5 of the file, once per path; none when the file cannot be read. */
	#fileDocument(path: string): Promise<string | undefined> {
		let id = this.#fileIds.get(path);
		if (!id) {
			id = partialMd5(path).catch(() => undefined);
			this.#fileIds.set(path, id);
		}

		return id;
	}

	/** The element paths of the EPUB at `path`, read again from the file: a work keeps only numbers. */
	#elementPaths({work, path}: SyncedWork): Promise<DocumentElementPaths> {
		if (this.#epub?.path !== path) {
			const paths = epubFormats.has(work.format)
				? readFile(path).then(
						(bytes) => epubElementPaths(bytes, work.format),
						(): DocumentElementPaths => () => undefined,
					)
				: Promise.resolve<DocumentElementPaths>(() => undefined);
			this.#epub = {path, paths};
		}

		return this.#epub.paths;
	}

	async push(synced: SyncedWork, place: LocalPlace, signal: AbortSignal): Promise<void> {
		const {work, path} = synced;
		const {device, account, folder} = this.#options;
		const percentage = kosyncPercentage(place.fraction);
		const base = {percentage, device: device.name, deviceId: device.id};
		const places: Array<Omit<KosyncProgress, 'timestamp'>> = [
			{
				...base,
				document: workDocument(work),
				progress: JSON.stringify({ficterm: 1, ...savedAnchor(work, place.anchor)}),
			},
		];
		// KOReader goes to `progress` alone, so the file's id is sent only with a real XPointer.
		const xpointer = xpointerAt(work, place.anchor, await this.#elementPaths(synced));
		const file = xpointer ? await this.#fileDocument(path) : undefined;
		if (xpointer && file) places.push({...base, document: file, progress: xpointer});
		const madeAt = Math.floor(this.#now().getTime() / 1000);
		const documents = new Set(places.map((progress) => progress.document));
		// Queued before it is sent: a push cut short when the reader quits (it waits 300 ms at most)
		// is sent at the next start instead of being lost with the process.
		for (const progress of places) enqueue(folder, {...progress, madeAt});
		try {
			for (const progress of places) {
				if (await this.#newerOnServer(progress.document, place.updatedAt, signal)) continue;
				await pushProgress(account, progress, signal);
			}
		} catch (error) {
			if (!worthRetrying(error)) dequeue(folder, documents);
			this.#failed(error);
			return;
		}

		this.#succeeded();
		dequeue(folder, documents);
		await this.#sendQueued(signal);
	}

	/**
	 * Whether another device left a newer place for the document: the server keeps one place per
	 * document, so an older one (the place saved before opening, published at start) must not
	 * overwrite it before it was followed.
	 */
	async #newerOnServer(document: string, updatedAt: string, signal: AbortSignal): Promise<boolean> {
		const {account, device} = this.#options;
		const {progress} = await pullProgress(account, document, signal);
		return (
			progress !== undefined &&
			progress.deviceId !== device.id &&
			(progress.timestamp ?? 0) * 1000 > Date.parse(updatedAt)
		);
	}

	/** Sends places kept while offline, unless the server has a newer one for the document. */
	async #sendQueued(signal: AbortSignal): Promise<void> {
		const {account, folder} = this.#options;
		const done = new Set<string>();
		try {
			for (const entry of readQueue(folder).slice(0, maxSentFromQueue)) {
				const {progress} = await pullProgress(account, entry.document, signal);
				if (!progress?.timestamp || progress.timestamp < entry.madeAt)
					await pushProgress(account, toProgress(entry), signal);
				done.add(entry.document);
			}
		} catch (error) {
			this.#failed(error);
		} finally {
			dequeue(folder, done);
		}
	}

	async pull(synced: SyncedWork, signal: AbortSignal): Promise<RemotePlace[]> {
		const {account, device} = this.#options;
		const {work} = synced;
		const file = await this.#fileDocument(synced.path);
		// Ready for the pushes to come, the last one on quitting above all, which has little time:
		// read beside the requests, and done by the time the pull is.
		const paths = this.#elementPaths(synced);
		const found: RemotePlace[] = [];
		const documents = [workDocument(work), ...(file ? [file] : [])];
		for (const document of documents) {
			let pulled;
			try {
				pulled = await pullProgress(account, document, signal);
			} catch (error) {
				this.#failed(error);
				await paths;
				return [];
			}

			if (pulled.problem) this.#problem(pulled.problem);
			const {progress} = pulled;
			if (!progress || progress.deviceId === device.id) continue;
			const place =
				document === file
					? await this.#filePlace(synced, progress)
					: this.#workPlace(work, progress);
			if (place) found.push(place);
		}

		await paths;
		this.#succeeded();
		// The server answers again: what waited offline can go now, even before the next move.
		if (readQueue(this.#options.folder).length > 0) await this.#sendQueued(signal);
		// Both ids name the same reading: the newer wins, and ficterm's own anchor on a tie.
		found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
		return found.slice(0, 1);
	}

	#workPlace(work: Work, progress: KosyncProgress): RemotePlace | undefined {
		let value: unknown;
		try {
			value = JSON.parse(progress.progress);
		} catch {
			value = undefined;
		}

		const parsed = v.safeParse(fictermPlaceSchema, value);
		if (!parsed.success) {
			this.#problem('a place on the server for this work is not one ficterm wrote (ignored)');
			return undefined;
		}

		const {anchor, exact} = resumeAnchor(work, parsed.output);
		return {device: progress.device, updatedAt: updatedAt(progress), anchor, exact};
	}

	async #filePlace(synced: SyncedWork, progress: KosyncProgress): Promise<RemotePlace> {
		const {work} = synced;
		const anchor = anchorAtXPointer(work, progress.progress, await this.#elementPaths(synced));
		return {
			device: progress.device,
			updatedAt: updatedAt(progress),
			anchor: anchor ?? anchorAtFraction(work, progress.percentage),
			exact: anchor !== undefined,
		};
	}
}

function updatedAt(progress: KosyncProgress): string {
	return new Date((progress.timestamp ?? 0) * 1000).toISOString();
}
