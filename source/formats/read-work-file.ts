// Reads a work file from disk, refusing folders and files too large to be a work, with a LoadError
// that says why in one line; a large text file's start first, for its preview.

import {closeSync, openSync, readFileSync, readSync, statSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {isZip, LoadError} from '../work/decode.ts';
import type {Work} from '../work/types.ts';
import {fb2Bytes} from './fb2.ts';
import {isMobiBytes} from './mobi.ts';
import {isLargeWork, isPdf, previewBytes, workFromBytes} from './open-work.ts';

/** Files larger than this are refused rather than read into memory. */
const maxFileBytes = 512 * 1024 * 1024;

/** The size of the regular file at `path`, or a LoadError that says why it is not a work file. */
function workFileSize(path: string): number {
	let size: number;
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) throw new LoadError(`${path} is a folder, not a work file`);
		// A device (/dev/zero) or a pipe never ends, or never starts: only regular files are works.
		if (!stat.isFile()) throw new LoadError(`${path} is not a regular file`);
		size = stat.size;
	} catch (error) {
		if (error instanceof LoadError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new LoadError(`no such file: ${path}`);
		if (code === 'EACCES') throw new LoadError(`cannot read ${path}: permission denied`);
		throw new LoadError(`cannot open ${path}: ${code ?? String(error)}`);
	}

	if (size > maxFileBytes) throw new LoadError(`${path} is too large to be a work (${size} bytes)`);
	return size;
}

function readError(path: string, error: unknown): LoadError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'EACCES') return new LoadError(`cannot read ${path}: permission denied`);
	return new LoadError(`cannot read ${path}: ${code ?? String(error)}`);
}

export function readWorkFile(path: string): Uint8Array {
	workFileSize(path);
	try {
		return readFileSync(path);
	} catch (error) {
		throw readError(path, error);
	}
}

/** A work file as the reader opens it: whole, or its start now and the whole while it shows it. */
export type WorkStart =
	{bytes: Uint8Array} | {head: Uint8Array; size: number; rest: Promise<Uint8Array>};

/**
 * A large text file's start, read at once, and the whole file read by Node's thread pool: reading
 * 26 MB into fresh memory took 95 ms of the first screen's 520, and its preview reads only its
 * start (see previewFromBytes). Any other file is read whole at once, as readWorkFile does.
 */
export function readWorkStart(path: string): WorkStart {
	const size = workFileSize(path);
	let head: Uint8Array;
	try {
		const file = openSync(path, 'r');
		try {
			head = new Uint8Array(Math.min(size, previewBytes));
			head = head.subarray(0, readSync(file, head, 0, head.length, 0));
		} finally {
			closeSync(file);
		}
	} catch (error) {
		throw readError(path, error);
	}

	const textOnly = !isPdf(head) && !isZip(head) && !isMobiBytes(head) && !fb2Bytes(head, 1);
	if (!textOnly || !isLargeWork(head, size)) return {bytes: readWorkFile(path)};
	const rest = readFile(path).catch((error: unknown) => Promise.reject(readError(path, error)));
	// Not awaited by a reader that quits first: its failure is then no one's.
	rest.catch(() => undefined);
	return {head, size, rest};
}

export function loadWork(path: string): Work {
	return workFromBytes(readWorkFile(path), path);
}
