// The kosync login kept in ficterm's folder: server, user and key (the md5 of the password, as
// KOReader keeps it) in a file only the user can read, and what the last requests came to.

import {chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as v from 'valibot';
import {sanitiseLine} from '../work/sanitise.ts';
import type {KosyncAccount} from './kosync-client.ts';

const accountFile = 'kosync.json';
const statusFile = 'kosync-status.json';
export const queueFile = 'kosync-queue.json';

const accountSchema = v.object({
	url: v.pipe(v.string(), v.url()),
	user: v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
	key: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
});

const statusSchema = v.object({
	lastSuccess: v.optional(v.string()),
	lastFailure: v.optional(v.object({at: v.string(), message: v.string()})),
});

export type KosyncStatus = v.InferOutput<typeof statusSchema>;

function readJson(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Writes through a temporary file, readable by the user alone from its first byte. */
export function writePrivate(path: string, value: unknown): void {
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, JSON.stringify(value, undefined, '\t') + '\n', {mode: 0o600});
	chmodSync(temporary, 0o600);
	renameSync(temporary, path);
}

/** The saved login, or undefined when there is none (or it cannot be read). */
export function readAccount(folder: string): KosyncAccount | undefined {
	const result = v.safeParse(accountSchema, readJson(join(folder, accountFile)));
	return result.success ? result.output : undefined;
}

export function saveAccount(folder: string, account: KosyncAccount): void {
	mkdirSync(folder, {recursive: true});
	writePrivate(join(folder, accountFile), account);
	rmSync(join(folder, statusFile), {force: true});
}

/** Forgets the login, what it last did, and the places waiting to be sent (as KOReader does). */
export function removeAccount(folder: string): boolean {
	const had = readAccount(folder) !== undefined;
	for (const name of [accountFile, statusFile, queueFile])
		rmSync(join(folder, name), {force: true});
	return had;
}

export function readStatus(folder: string): KosyncStatus {
	const result = v.safeParse(statusSchema, readJson(join(folder, statusFile)));
	return result.success ? result.output : {};
}

/** Records how the last request ended, for `ficterm sync status`. */
export function noteStatus(folder: string, at: Date, failure?: string): void {
	const status = readStatus(folder);
	if (failure) status.lastFailure = {at: at.toISOString(), message: sanitiseLine(failure)};
	else status.lastSuccess = at.toISOString();
	try {
		writePrivate(join(folder, statusFile), status);
	} catch {
		// The status is a convenience: a folder that cannot be written loses nothing that matters.
	}
}
