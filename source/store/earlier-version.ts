// A work without an AO3 id is known by its opening words, so a re-downloaded version with a typo
// fixed near its start has another id. Its place is the one saved for an earlier version: the same
// title by the same authors (at the same path, when the file names no author).

import type {Work} from '../work/types.ts';
import type {SavedWork, Store} from './store.ts';

function normalised(text: string): string {
	return text.normalize('NFKC').toLowerCase().replaceAll(/\s+/g, ' ').trim();
}

function sameAuthors(one: string[], other: string[]): boolean {
	const names = (authors: string[]) => authors.map(normalised).filter(Boolean).sort().join('\n');
	return names(one) === names(other);
}

/** Whether a saved entry under another id is an earlier version of this work. */
export function isEarlierVersion(entry: SavedWork, work: Work, path: string): boolean {
	if (entry.id === work.id) return false;
	// Two AO3 ids name two works, whatever their titles.
	if (entry.id.startsWith('ao3:') && work.id.startsWith('ao3:')) return false;
	const title = normalised(work.meta.title);
	if (!title || normalised(entry.title) !== title) return false;
	if (!sameAuthors(entry.authors, work.meta.authors)) return false;
	return work.meta.authors.some((author) => normalised(author)) || entry.path === path;
}

/** The entry saved for this work, or else the one last read of an earlier version of it. */
export function savedFor(store: Store, work: Work, path: string): SavedWork | undefined {
	const saved = store.work(work.id);
	if (saved) return saved;
	let latest: SavedWork | undefined;
	for (const entry of store.works()) {
		if (!isEarlierVersion(entry, work, path)) continue;
		if (!latest || entry.readAt > latest.readAt) latest = entry;
	}

	return latest;
}
