// Reads a work file from disk, refusing folders and files too large to be a work, with a LoadError
// that says why in one line.

import {readFileSync, statSync} from 'node:fs';
import {LoadError} from '../work/decode.ts';
import type {Work} from '../work/types.ts';
import {workFromBytes} from './open-work.ts';

/** Files larger than this are refused rather than read into memory. */
const maxFileBytes = 512 * 1024 * 1024;

export function readWorkFile(path: string): Uint8Array {
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
	try {
		return readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EACCES') throw new LoadError(`cannot read ${path}: permission denied`);
		throw new LoadError(`cannot read ${path}: ${code ?? String(error)}`);
	}
}

export function loadWork(path: string): Work {
	return workFromBytes(readWorkFile(path), path);
}
