// A lock file around the store's read-modify-write, so two ficterm processes never drop each other's saves.

import {closeSync, openSync, rmSync, statSync} from 'node:fs';

const waitStepMs = 5;
const giveUpMs = 2000;
/** A lock older than this was left by a process that died while holding it. */
const staleMs = 10_000;

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

/** Runs `action` while holding `path` as a lock; if the lock cannot be had in time, runs it anyway. */
export function withFileLock<T>(path: string, action: () => T): T {
	const deadline = Date.now() + giveUpMs;
	let held = false;
	while (!held) {
		try {
			closeSync(openSync(path, 'wx'));
			held = true;
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'EEXIST') break;
			if (isStale(path)) rmSync(path, {force: true});
			else if (Date.now() > deadline) break;
			else sleep(waitStepMs);
		}
	}

	try {
		return action();
	} finally {
		if (held) rmSync(path, {force: true});
	}
}
