// The search slice: the prompt, the query, its matches and the current one.

import {compareAnchors, type Anchor} from '../work/anchor.ts';
import type {Book} from './book.ts';
import {jumpTo} from './jump.ts';
import {findMatches, matchFrom} from './search.ts';
import type {ReaderState} from './state.ts';

export type SearchAction =
	| {type: 'search-start'}
	| {type: 'search-type'; text: string}
	| {type: 'search-erase'}
	| {type: 'search-submit'}
	| {type: 'search-next'; direction: 1 | -1};

function search(
	book: Book,
	state: ReaderState,
	query: string,
	from: Anchor,
	direction: 1 | -1,
): ReaderState {
	const fresh = query !== state.search.query || state.search.revealTags !== state.revealTags;
	const hidden = (index: number) => !state.revealTags && book.work.blocks[index]!.folded === true;
	const matches = fresh
		? findMatches(book.work, query, hidden, book.searchIndex)
		: state.search.matches;
	const base = {
		...state.search,
		typing: false,
		draft: '',
		query,
		matches,
		revealTags: state.revealTags,
	};
	if (matches.length === 0) {
		return {...state, search: {...base, current: -1}, message: `Not found: ${query}`, count: ''};
	}

	let index = matchFrom(matches, from);
	if (direction === -1) {
		index = compareAnchors(matches[index]!, from) < 0 ? index : index - 1;
		if (index < 0) index = matches.length - 1;
	}

	// Going on past the last match (or back past the first) starts over: say so, as less does.
	const after = compareAnchors(matches[index]!, from) >= 0;
	const wrapped = matches.length > 1 && (direction === 1 ? !after : after);
	const count = `${index + 1}/${matches.length}`;
	const message = wrapped
		? `${count} · Search wrapped to the ${direction === 1 ? 'start' : 'end'}`
		: count;
	const next = {...state, search: {...base, current: index}};
	return jumpTo(book, next, matches[index]!, message);
}

export function reduceSearching(book: Book, state: ReaderState, action: SearchAction): ReaderState {
	switch (action.type) {
		case 'search-start': {
			return {
				...state,
				overlay: undefined,
				search: {...state.search, typing: true, draft: ''},
				message: undefined,
			};
		}

		case 'search-type': {
			return {...state, search: {...state.search, draft: state.search.draft + action.text}};
		}

		case 'search-erase': {
			return {
				...state,
				search: {...state.search, draft: [...state.search.draft].slice(0, -1).join('')},
			};
		}

		case 'search-submit': {
			const query = state.search.draft || state.search.query;
			if (!query) return {...state, search: {...state.search, typing: false}};
			// Search forward from just after the top line's start, so the same spot is not found again.
			return search(
				book,
				state,
				query,
				{block: state.anchor.block, offset: state.anchor.offset + 1},
				1,
			);
		}

		case 'search-next': {
			const {query, matches, current} = state.search;
			if (!query) return {...state, message: 'No search yet: press / to search'};
			const from = matches[current] ?? state.anchor;
			const after = {block: from.block, offset: from.offset + (action.direction === 1 ? 1 : 0)};
			return search(book, state, query, after, action.direction);
		}
	}
}
