// The search slice: the prompt, the query, its matches and the current one.

import {compareAnchors, type Anchor} from '../work/anchor.ts';
import type {Book} from './book.ts';
import {jumpTo} from './jump.ts';
import {findMatches, matchFrom, withReadingMatches} from './search.ts';
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
	const inText = () => findMatches(book.work, query, hidden, book.searchIndex);
	const matches = fresh
		? book.readings
			? withReadingMatches(book.work, query, inText(), hidden)
			: inText()
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

	// The first match at or after `from`, or the last one before it; past either end, the other end.
	const at = matchFrom(matches, from);
	const index = direction === 1 ? at % matches.length : (at - 1 + matches.length) % matches.length;

	// Going on past the last match (or back past the first) starts over: say so, as less does.
	const after = compareAnchors(matches[index]!, from) >= 0;
	const wrapped = direction === 1 ? !after : after;
	const count = `${index + 1}/${matches.length}`;
	const message = wrapped
		? `${count} · Search wrapped to the ${direction === 1 ? 'start' : 'end'}`
		: count;
	const landed = jumpTo(
		book,
		{...state, search: {...base, current: index}},
		matches[index]!,
		message,
	);
	return {...landed, search: {...landed.search, landed: landed.moved}};
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
			// From the current match while the reader stays there; after a move, from the screen's top,
			// as less does: n finds the next match from there on, N the last one before it.
			const atMatch = state.search.landed === state.moved && matches[current];
			const after = atMatch
				? {block: atMatch.block, offset: atMatch.offset + (action.direction === 1 ? 1 : 0)}
				: state.anchor;
			return search(book, state, query, after, action.direction);
		}
	}
}
