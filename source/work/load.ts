// Reads a work file from disk into a Work, or fails with a LoadError that says why in one line.

import {readFileSync, statSync} from 'node:fs';
import {parseEpub, parseText} from '../formats/index.ts';
import {assembleWork} from './assemble.ts';
import {decodeText, isZip, LoadError} from './decode.ts';
import {sanitiseText} from './sanitise.ts';
import type {Work} from './types.ts';

export {LoadError} from './decode.ts';

/** Files larger than this are refused rather than read into memory. */
const maxFileBytes = 512 * 1024 * 1024;

function readBytes(path: string): Uint8Array {
	let size: number;
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) throw new LoadError(`${path} is a folder, not a work file`);
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

export function workFromBytes(bytes: Uint8Array, path: string): Work {
	if (bytes.length === 0) throw new LoadError(`${path} is empty`);
	let draft;
	if (isZip(bytes)) {
		draft = parseEpub(bytes);
	} else {
		if (/\.epub$/i.test(path)) throw new LoadError(`${path} is not an EPUB: it is not a zip file`);
		const decoded = decodeText(bytes);
		draft = parseText({text: sanitiseText(decoded.text), path});
		draft.warnings.unshift(...decoded.warnings);
	}

	const work = assembleWork(draft);
	if (work.blocks.every((block) => !block.text.trim()))
		throw new LoadError(`${path} holds no text`);
	return work;
}

export function loadWork(path: string): Work {
	return workFromBytes(readBytes(path), path);
}
