// Where an anchor is in a work (chapter, section, share read, words left), from the prefix sums alone.

import type {Anchor} from './anchor.ts';
import type {Work} from './types.ts';

/** The index of the last range starting at or before `block`, or -1. Ranges are sorted by start. */
export function rangeAt(ranges: Array<{start: number}>, block: number): number {
	let low = 0;
	let high = ranges.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (ranges[middle]!.start <= block) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}

	return found;
}

export function chapterAt(work: Work, block: number): number {
	return rangeAt(work.chapters, block);
}

export function sectionAt(work: Work, block: number): number {
	return rangeAt(work.sections, block);
}

/** Which scene of its chapter a block is in ("scene 2 of 5"), found by binary search. */
export function sceneAt(work: Work, block: number): {number: number; count: number} | undefined {
	const index = sectionAt(work, block);
	const section = work.sections[index];
	const chapter = section && work.chapters[section.chapter];
	if (!chapter) return undefined;
	const first = rangeAt(work.sections, chapter.start);
	const last = rangeAt(work.sections, chapter.end - 1);
	return {number: index - first + 1, count: last - first + 1};
}

function totalChars(work: Work): number {
	return work.charsBefore[work.blocks.length]!;
}

/** The share of the work's characters before the anchor, from 0 to 1. */
export function fractionAt(work: Work, anchor: Anchor): number {
	const total = totalChars(work);
	return total === 0 ? 0 : Math.min(1, (work.charsBefore[anchor.block]! + anchor.offset) / total);
}

/** The block and offset at a share (0 to 1) of the work's characters. */
export function anchorAtFraction(work: Work, fraction: number): Anchor {
	const target = Math.max(0, Math.min(1, fraction)) * totalChars(work);
	let low = 0;
	let high = work.blocks.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (work.charsBefore[middle]! <= target) low = middle;
		else high = middle - 1;
	}

	const offset = Math.min(
		Math.max(0, target - work.charsBefore[low]!),
		work.blocks[low]!.text.length,
	);
	return {block: low, offset: Math.floor(offset)};
}

function wordsBeforeAnchor(work: Work, anchor: Anchor): number {
	const block = work.blocks[anchor.block];
	const inBlock = work.wordsBefore[anchor.block + 1]! - work.wordsBefore[anchor.block]!;
	const share = block && block.text.length > 0 ? anchor.offset / block.text.length : 0;
	return work.wordsBefore[anchor.block]! + inBlock * Math.min(1, share);
}

export function wordsLeftInChapter(work: Work, anchor: Anchor): number {
	const chapter = work.chapters[chapterAt(work, anchor.block)];
	const end = chapter ? chapter.end : work.blocks.length;
	return Math.max(0, work.wordsBefore[end]! - wordsBeforeAnchor(work, anchor));
}

export function storyWords(work: Work): number {
	return work.wordsBefore[work.blocks.length]!;
}
