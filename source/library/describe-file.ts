// What a work file in a library folder holds, from a bounded look at it: its start, never a full
// parse, so that one huge or hostile file cannot hold up the library.

import {closeSync, fstatSync, openSync, readFileSync, readSync, statSync} from 'node:fs';
import {basename} from 'node:path';
import {identityIsComplete} from '../work/assemble.ts';
import {isZip} from '../work/decode.ts';
import type {Work} from '../work/types.ts';
import {isMobiBytes} from '../formats/mobi.ts';
import {lookBytes, workFromBytes, workFromStart} from '../formats/open-work.ts';
import type {SavedWork} from '../store/store.ts';

export type Found = {
	path: string;
	/** Undefined when the look saw too little of the work to know which work it is. */
	id?: string;
	title: string;
	authors: string[];
	/** Undefined when the look did not reach the end of the work. */
	chapters?: number;
};

/** A zip (an EPUB) has its contents at its end, a Kindle book its chapters past its start, so each is read whole: up to this size. */
const maxZipLookBytes = 64 * 1024 * 1024;

/** The file's name, with a note on why nothing more is said of it. */
function byName(path: string, note?: string): Found {
	const name = basename(path);
	return {path, title: note ? `${name} (${note})` : name, authors: []};
}

/** The file's start (a zip whole), or a note on why it was not read. */
function lookAt(path: string): {bytes: Uint8Array; whole: boolean} | string {
	const fd = openSync(path, 'r');
	try {
		const {size} = fstatSync(fd);
		const head = new Uint8Array(Math.min(size, lookBytes));
		const read = readSync(fd, head, 0, head.length, 0);
		const bytes = head.subarray(0, read);
		if (read >= size) return {bytes, whole: true};
		if (!isZip(bytes) && !isMobiBytes(bytes)) return {bytes, whole: false};
		if (size > maxZipLookBytes) return 'too large to look into';
		return {bytes: readFileSync(fd), whole: true};
	} finally {
		closeSync(fd);
	}
}

function foundIn(path: string, work: Work): Found {
	const complete = !work.partial;
	const id = complete || identityIsComplete(work) ? work.id : undefined;
	const found: Found = {path, title: work.meta.title || basename(path), authors: work.meta.authors};
	if (id) found.id = id;
	// A work in progress names its posted chapters up front (AO3's "Chapters: 5/?"): a look that
	// stops early still sees how many there are.
	const posted = /^\d+/.exec(work.meta.chapterCount ?? '')?.[0];
	if (complete) found.chapters = work.chapters.length;
	else if (posted) found.chapters = Number(posted);
	return found;
}

/**
 * What a file holds. A file read before and not changed since is described from the store; any
 * other is looked at within a budget; past the `deadline` (ms since the epoch) it is only named.
 */
export function describeFile(path: string, known?: SavedWork, deadline = Infinity): Found {
	try {
		if (known && statSync(path).mtimeMs <= Date.parse(known.readAt)) {
			return {
				path,
				id: known.id,
				title: known.title || path,
				authors: known.authors,
				chapters: known.chapters,
			};
		}

		if (Date.now() >= deadline) return byName(path, 'not looked into: the folder is large');
		const look = lookAt(path);
		if (typeof look === 'string') return byName(path, look);
		// A small zip is read whole too: a look at its first documents would miss chapters.
		const small = look.whole && look.bytes.length <= lookBytes;
		const work = small ? workFromBytes(look.bytes, path) : workFromStart(look.bytes, path);
		return foundIn(path, work);
	} catch {
		return byName(path);
	}
}
