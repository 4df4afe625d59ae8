// Finds a query across the whole work: case-insensitive unless the query has capitals.

import {compareAnchors, type Anchor} from '../work/anchor.ts';
import type {Work} from '../work/types.ts';
import type {SearchIndex} from './search-index.ts';
import {queryPattern} from './search-text.ts';

/** Matches in reading order; `hidden` blocks (folded tags) are not searched. */
export function findMatches(
	work: Work,
	query: string,
	hidden: (index: number) => boolean = () => false,
	index?: SearchIndex,
): Anchor[] {
	if (!query) return [];
	if (index?.handles(query)) return index.find(query, hidden);
	// A case-insensitive regular expression scans each block without making a lowered copy of it.
	const pattern = queryPattern(query);
	const matches: Anchor[] = [];
	const {blocks} = work;
	// A plain loop, and the hidden test only where there is a hit: this runs over every block.
	for (let block = 0; block < blocks.length; block++) {
		const {text} = blocks[block]!;
		if (text.length < query.length) continue;
		pattern.lastIndex = 0;
		let match = pattern.exec(text);
		if (!match || hidden(block)) continue;
		for (; match; match = pattern.exec(text)) matches.push({block, offset: match.index});
	}

	return matches;
}

/**
 * Matches in the ruby readings shown after their text (Japanese furigana), each at its text's start,
 * merged into `matches` in reading order: what is on the screen can be searched for.
 */
export function withReadingMatches(
	work: Work,
	query: string,
	matches: Anchor[],
	hidden: (index: number) => boolean = () => false,
): Anchor[] {
	if (!query) return matches;
	const pattern = queryPattern(query);
	const found: Anchor[] = [];
	const {blocks} = work;
	for (let block = 0; block < blocks.length; block++) {
		const {ruby} = blocks[block]!;
		if (!ruby || hidden(block)) continue;
		for (const run of ruby) {
			pattern.lastIndex = 0;
			if (pattern.test(run.reading)) found.push({block, offset: run.start});
		}
	}

	if (found.length === 0) return matches;
	const merged = [...matches, ...found].sort(compareAnchors);
	return merged.filter(
		(anchor, index) => index === 0 || compareAnchors(merged[index - 1]!, anchor) !== 0,
	);
}

/** The index of the first match at or after `from`: `matches.length` when there is none. */
export function matchFrom(matches: Anchor[], from: Anchor): number {
	let low = 0;
	let high = matches.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (compareAnchors(matches[middle]!, from) < 0) low = middle + 1;
		else high = middle;
	}

	return low;
}
