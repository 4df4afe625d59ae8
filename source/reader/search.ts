// Finds a query across the whole work: case-insensitive unless the query has capitals.

import {compareAnchors, type Anchor} from '../layout/anchor.ts';
import type {Work} from '../work/types.ts';

/** Matches in reading order; `hidden` blocks (folded tags) are not searched. */
export function findMatches(
	work: Work,
	query: string,
	hidden: (index: number) => boolean = () => false,
): Anchor[] {
	if (!query) return [];
	const caseSensitive = query !== query.toLowerCase();
	const needle = caseSensitive ? query : query.toLowerCase();
	const matches: Anchor[] = [];
	for (const [block, {text}] of work.blocks.entries()) {
		if (text.length < needle.length || hidden(block)) continue;
		const haystack = caseSensitive ? text : text.toLowerCase();
		let at = haystack.indexOf(needle);
		while (at !== -1) {
			matches.push({block, offset: at});
			at = haystack.indexOf(needle, at + needle.length);
		}
	}

	return matches;
}

/** The first match at or after `from` (wrapping to the start), or -1 when there is none. */
export function matchFrom(matches: Anchor[], from: Anchor): number {
	if (matches.length === 0) return -1;
	let low = 0;
	let high = matches.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (compareAnchors(matches[middle]!, from) < 0) low = middle + 1;
		else high = middle;
	}

	return low === matches.length ? 0 : low;
}
