// Turns an anchor into what is saved, and finds a saved place again in a work that may have changed.

import type {Anchor} from '../work/anchor.ts';
import {chapterAt} from '../work/progress.ts';
import type {Work} from '../work/types.ts';
import type {SavedAnchor} from './store.ts';

const snippetLength = 48;
const openingLength = 32;

export function savedAnchor(work: Work, anchor: Anchor): SavedAnchor {
	const text = work.blocks[anchor.block]?.text ?? '';
	return {
		block: anchor.block,
		offset: anchor.offset,
		snippet: text.slice(anchor.offset, anchor.offset + snippetLength),
		opening: text.slice(0, openingLength),
		chapter: Math.max(0, chapterAt(work, anchor.block)),
	};
}

export type Resumed = {anchor: Anchor; exact: boolean};

/** Block indexes from `around` outwards, nearest first, so a repeated phrase resolves to the nearest copy. */
function* outwards(around: number, count: number): Generator<number> {
	if (around >= 0 && around < count) yield around;
	for (let distance = 1; distance < count; distance++) {
		if (around - distance >= 0 && around - distance < count) yield around - distance;
		if (around + distance >= 0 && around + distance < count) yield around + distance;
	}
}

function holds(text: string, saved: SavedAnchor, offset: number): boolean {
	return (
		text.startsWith(saved.opening) &&
		text.slice(offset, offset + saved.snippet.length) === saved.snippet
	);
}

/**
 * The saved place in this work: the same block if it still reads the same, else the nearest block
 * that does, else the nearest copy of the snippet, else the start of the saved chapter.
 */
export function resumeAnchor(work: Work, saved: SavedAnchor): Resumed {
	const {blocks} = work;
	// A saved block past the end (a shorter version, or a hand-edited store) is looked for from the end.
	const around = Math.min(
		Math.max(0, Math.floor(saved.block) || 0),
		Math.max(0, blocks.length - 1),
	);
	const here = blocks[saved.block];
	if (here && holds(here.text, saved, saved.offset)) {
		return {anchor: {block: saved.block, offset: saved.offset}, exact: true};
	}

	if (saved.opening.length >= 8 || saved.snippet.length >= 8) {
		for (const index of outwards(around, blocks.length)) {
			const {text} = blocks[index]!;
			if (saved.opening.length >= 8 && holds(text, saved, saved.offset)) {
				return {anchor: {block: index, offset: saved.offset}, exact: true};
			}
		}

		for (const index of outwards(around, blocks.length)) {
			const at = saved.snippet.length >= 8 ? blocks[index]!.text.indexOf(saved.snippet) : -1;
			if (at !== -1) return {anchor: {block: index, offset: at}, exact: true};
		}
	}

	const chapter = work.chapters[Math.min(saved.chapter, work.chapters.length - 1)];
	return {anchor: {block: chapter?.start ?? 0, offset: 0}, exact: false};
}
