// A lock file around the store's read-modify-write, so two ficterm processes never drop each other's saves.

import {closeSync, lstatSync, openSync, rmSync, statSync} from 'node:fs';
import {basename} from 'node:path';

const waitStepMs = 5;
const giveUpMs = 2000;
/** A lock older than this was left by a process that died while holding it. */
const staleMs = 10_000;

/** The lock's path is taken by something that is no lock file (a folder): no save can be locked. */
export class LockPathError extends Error {}

function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isStale(path: string): boolean {
	try {
		return Date.now() - statSync(path).mtimeMs > staleMs;
	} catch {
		return false;
	}
}

/** Takes the lock if it is free (or stale); false if another process holds it. */
function take(path: string): boolean {
	try {
		closeSync(openSync(path, 'wx'));
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		let file = true;
		try {
			file = lstatSync(path).isFile();
		} catch {
			// Gone meanwhile: free next time.
		}

		if (!file) throw new LockPathError(`its lock ${basename(path)} is not a file`);
		if (!isStale(path)) return false;
		rmSync(path, {force: true});
		return take(path);
	}
}

/**
 * Runs `action` holding `path` as a lock, if the lock is free now; undefined (nothing run) if
 * another process holds it, so that a caller with a screen to keep alive tries again later.
 */
export function tryWithFileLock<T>(
	path: string,
	action: () => T,
): {done: true; value: T} | undefined {
	if (!take(path)) return undefined;
	try {
		return {done: true, value: action()};
	} finally {
		rmSync(path, {force: true});
	}
}

/** Runs `action` while holding `path` as a lock; if the lock cannot be had in time, runs it anyway. */
export function withFileLock<T>(path: string, action: () => T): T {
	const deadline = Date.now() + giveUpMs;
	let held = false;
	while (!held) {
		held = take(path);
		if (held || Date.now() > deadline) break;
		sleep(waitStepMs);
	}

	try {
		return action();
	} finally {
		if (held) rmSync(path, {force: true});
	}
}
