// What a query matches in a text: case-insensitive unless the query has capitals, with typographic
// quotes and dashes found by their plain keyboard forms (didn't finds didn’t), at the text's own offsets.

import {lookAlikes} from '../work/folded-text.ts';

/** A pattern for the query over the original text, so that a match's offsets are the text's own. */
export function queryPattern(query: string): RegExp {
	const flags = query === query.toLowerCase() ? 'giu' : 'gu';
	let source = '';
	for (const character of query) {
		const group = lookAlikes.find((each) => each.includes(character));
		source += group
			? `[${group.replaceAll('-', '\\-')}]`
			: character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}

	return new RegExp(source, flags);
}

/** Where the query is in one line or block of text, as [start, end) offsets into that text. */
export function matchRanges(text: string, query: string): Array<[number, number]> {
	if (!query) return [];
	const pattern = queryPattern(query);
	const found: Array<[number, number]> = [];
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		if (match[0].length === 0) break;
		found.push([match.index, match.index + match[0].length]);
	}

	return found;
}
