// Places that could not be sent (offline, the server down), kept in ficterm's folder to send later:
// the latest per document, a bounded few.

import {join} from 'node:path';
import {readFileSync, rmSync} from 'node:fs';
import * as v from 'valibot';
import {queueFile, writePrivate} from './kosync-account.ts';
import type {KosyncProgress} from './kosync-client.ts';

const maxQueued = 200;

const queuedSchema = v.object({
	document: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{1,64}$/)),
	progress: v.pipe(v.string(), v.maxLength(4096)),
	percentage: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
	device: v.string(),
	deviceId: v.string(),
	/** When the place was made, in seconds: a newer place on the server wins over it. */
	madeAt: v.number(),
});

export type Queued = v.InferOutput<typeof queuedSchema>;

export function readQueue(folder: string): Queued[] {
	try {
		const value: unknown = JSON.parse(readFileSync(join(folder, queueFile), 'utf8'));
		if (!Array.isArray(value)) return [];
		return value.filter((entry) => v.is(queuedSchema, entry)) as Queued[];
	} catch {
		return [];
	}
}

function writeQueue(folder: string, queue: Queued[]): void {
	try {
		if (queue.length === 0) rmSync(join(folder, queueFile), {force: true});
		else writePrivate(join(folder, queueFile), queue);
	} catch {
		// Nothing to do: the place stays in the local store, and the next push tries again.
	}
}

/** Keeps a place to send later, replacing an older one for the same document. */
export function enqueue(folder: string, place: Queued): void {
	const queue = readQueue(folder).filter((entry) => entry.document !== place.document);
	queue.push(place);
	writeQueue(folder, queue.slice(-maxQueued));
}

/** Drops the places that were sent (or that a newer place made pointless). */
export function dequeue(folder: string, documents: ReadonlySet<string>): void {
	const queue = readQueue(folder);
	const rest = queue.filter((entry) => !documents.has(entry.document));
	if (rest.length !== queue.length) writeQueue(folder, rest);
}

export function toProgress(entry: Queued): Omit<KosyncProgress, 'timestamp'> {
	const {document, progress, percentage, device, deviceId} = entry;
	return {document, progress, percentage, device, deviceId};
}
