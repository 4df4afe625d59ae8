// Where a reopened work opens and what the status line says about it: the saved place found again,
// new chapters since the last reading, or why the place was not found.

import type {Arrival} from './reader/loading.ts';
import {resumeAnchor} from './store/resume.ts';
import type {SavedWork} from './store/store.ts';
import type {Anchor} from './work/anchor.ts';
import {chapterAt, sceneAt} from './work/progress.ts';
import type {Work} from './work/types.ts';

/** Where a resumed reader is, in words; the share read is the status bar's, never said twice. */
function resumedMessage(work: Work, anchor: Anchor): string {
	const chapter = work.chapters[chapterAt(work, anchor.block)];
	const parts = [];
	if (chapter && work.chapters.length > 1) parts.push(chapter.title);
	const scene = sceneAt(work, anchor.block);
	if (scene && scene.count > 1) parts.push(`scene ${scene.number}`);
	return parts.length > 0 ? `Resumed at ${parts.join(' · ')}` : 'Resumed where you left off';
}

/** Where to open the whole work and what to say, from what was saved for it. */
export function arrivalFor(whole: Work, saved: SavedWork | undefined, fromStart: boolean): Arrival {
	if (!saved) return {};
	let message: string;
	let anchor: Anchor | undefined;
	let changed = false;
	// A place saved from a preview records no chapter count (0): nothing to compare with.
	const added = saved.chapters > 0 ? whole.chapters.length - saved.chapters : 0;
	if (fromStart) {
		message = 'Opened at the start; your saved place is kept until you move';
	} else {
		const resumed = resumeAnchor(whole, saved.anchor);
		anchor = resumed.anchor;
		// Saved again with the new counts (the library's share and chapters), unless the place
		// was lost: then the saved one is kept until the reader moves.
		changed =
			resumed.exact &&
			(saved.chapters !== whole.chapters.length ||
				saved.words !== whole.wordsBefore[whole.blocks.length]);
		message = resumed.exact
			? resumedMessage(whole, anchor)
			: `The saved place was not found in this version; opened at ${whole.chapters[chapterAt(whole, anchor.block)]?.title ?? 'the start'}`;
	}

	// Put first, so that a narrow status bar cuts the place rather than the news.
	if (added > 0)
		message = `${added} new chapter${added === 1 ? '' : 's'} since you last read · ${message}`;
	const newChapters = Array.from(
		{length: Math.max(0, added)},
		(_, index) => saved.chapters + index,
	);
	return {anchor, message, newChapters, changed};
}
