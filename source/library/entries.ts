// The library's rows: works read before (from the store) and work files found in folders.

import {existsSync, readdirSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import type {SavedWork} from '../store/store.ts';
import {sanitiseLine} from '../work/sanitise.ts';
import {describeFile, type Found} from './describe-file.ts';
import {herePlaces, shortPath, type Places} from './short-path.ts';

export type LibraryEntry = {
	/** Undefined for a file not opened yet and not readable as a work. */
	id?: string;
	/** Absolute, as stored. */
	path: string;
	/** The path as shown: from the current folder or from ~ where it can be. */
	shownPath: string;
	title: string;
	authors: string[];
	fraction: number;
	readAt?: string;
	newChapters: number;
	missing: boolean;
};

const workFile = /\.(txt|md|markdown|html?|xhtml|epub|fb2|fb2\.zip|mobi|azw3?|prc|pdf)$/i;
/** Folders can be large; the library lists this many files from each. */
const maxFilesPerFolder = 500;

export function workFiles(folder: string): string[] {
	try {
		return readdirSync(folder)
			.filter((name) => workFile.test(name) && !name.startsWith('.'))
			.map((name) => resolve(folder, name))
			.filter((path) => statSync(path).isFile())
			.sort()
			.slice(0, maxFilesPerFolder);
	} catch {
		return [];
	}
}

export function libraryEntries(
	saved: SavedWork[],
	folders: string[],
	places: Places = herePlaces(),
	/** Files are looked into for this long in all; the rest are listed by name. */
	budgetMs = 5000,
): LibraryEntry[] {
	const deadline = Date.now() + budgetMs;
	const byPath = new Map(saved.map((work) => [work.path, work]));
	const found = folders
		.flatMap((folder) => workFiles(folder))
		.map((path) => describeFile(path, byPath.get(path), deadline));
	// The same work may be in two folders: the first found stands for it, or the one it was read from.
	const byId = new Map<string, Found>();
	for (const file of found) if (file.id && !byId.has(file.id)) byId.set(file.id, file);
	for (const work of saved) {
		const same = found.find((file) => file.path === work.path && file.id === work.id);
		if (same) byId.set(work.id, same);
	}

	const entries: LibraryEntry[] = [];
	for (const work of saved) {
		const file = byId.get(work.id);
		byId.delete(work.id);
		const path = file?.path ?? work.path;
		const exists = file !== undefined || existsSync(path);
		// A file outside the listed folders is read again only to count its chapters.
		const chapters = file
			? file.chapters
			: exists
				? describeFile(path, work, deadline).chapters
				: work.chapters;
		entries.push({
			id: work.id,
			path,
			shownPath: sanitiseLine(shortPath(path, places)),
			// The store is a file too: what it says is shown only once made safe for the terminal.
			title: sanitiseLine(work.title || path),
			authors: work.authors.map((author) => sanitiseLine(author)),
			fraction: work.fraction,
			readAt: work.readAt,
			// 0 chapters saved: the place was saved from a preview, before the chapters were counted.
			// Unknown chapters (a look at a long file's start only): nothing to say.
			newChapters:
				work.chapters > 0 && chapters !== undefined ? Math.max(0, chapters - work.chapters) : 0,
			missing: !exists,
		});
	}

	entries.sort((a, b) => (b.readAt ?? '').localeCompare(a.readAt ?? ''));
	const seen = new Set(entries.map((entry) => entry.path));
	for (const file of found) {
		if (seen.has(file.path) || (file.id && !byId.has(file.id))) continue;
		seen.add(file.path);
		entries.push({
			id: file.id,
			path: file.path,
			shownPath: sanitiseLine(shortPath(file.path, places)),
			title: sanitiseLine(file.title),
			authors: file.authors.map((author) => sanitiseLine(author)),
			fraction: 0,
			newChapters: 0,
			missing: false,
		});
	}

	return entries;
}

export function relativeTime(iso: string, now: Date): string {
	const seconds = Math.max(0, (now.getTime() - new Date(iso).getTime()) / 1000);
	if (seconds < 90) return 'just now';
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.round(minutes / 60);
	if (hours < 36) return `${hours} h ago`;
	const days = Math.round(hours / 24);
	return days < 60 ? `${days} days ago` : iso.slice(0, 10);
}
