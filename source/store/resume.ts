// Turns an anchor into what is saved, and finds a saved place again in a work that may have changed.

import type {Anchor} from '../layout/anchor.ts';
import {chapterAt} from '../work/progress.ts';
import type {Work} from '../work/types.ts';
import type {SavedAnchor} from './store.ts';

const snippetLength = 48;

export function savedAnchor(work: Work, anchor: Anchor): SavedAnchor {
	const text = work.blocks[anchor.block]?.text ?? '';
	return {
		block: anchor.block,
		offset: anchor.offset,
		snippet: text.slice(anchor.offset, anchor.offset + snippetLength),
		chapter: Math.max(0, chapterAt(work, anchor.block)),
	};
}

export type Resumed = {anchor: Anchor; exact: boolean};

/** The saved place in this work: where the snippet still is, else the nearest copy of it, else its chapter. */
export function resumeAnchor(work: Work, saved: SavedAnchor): Resumed {
	const {blocks} = work;
	const here = blocks[saved.block];
	if (
		here &&
		here.text.slice(saved.offset, saved.offset + saved.snippet.length) === saved.snippet
	) {
		return {anchor: {block: saved.block, offset: saved.offset}, exact: true};
	}

	if (saved.snippet.length >= 8) {
		// Search outwards from the old block, so that a repeated phrase resolves to the nearest copy.
		for (let distance = 0; distance < blocks.length; distance++) {
			for (const index of distance === 0
				? [saved.block]
				: [saved.block - distance, saved.block + distance]) {
				const at = blocks[index]?.text.indexOf(saved.snippet) ?? -1;
				if (at !== -1) return {anchor: {block: index, offset: at}, exact: true};
			}
		}
	}

	const chapter = work.chapters[Math.min(saved.chapter, work.chapters.length - 1)];
	return {anchor: {block: chapter?.start ?? 0, offset: 0}, exact: false};
}
