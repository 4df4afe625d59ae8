// Project Gutenberg's header (title, author, language) and licence around a book, kept out of its story.

import type {DraftBlock} from '../work/draft.ts';
import type {WorkMeta} from '../work/types.ts';
import {paragraphsFromLines} from './text-lines.ts';

const startMarker =
	/^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG|^\s*\*END\*THE SMALL PRINT/im;
const endMarker = /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/im;
// "End of the Project Gutenberg EBook of Katrine, by …" comes just before the end marker.
const endLine = /^\s*End of (?:the )?Project Gutenberg(?:'s)?\b/im;

export type GutenbergBounds = {
	/** The first piece of the book (after the start marker) and the first of the licence. */
	start: number;
	end: number;
};

/**
 * Where the book starts and ends among `count` pieces, each given by `piece` (lines of a text file, or the text of HTML
 * blocks), or undefined when they are not a Project Gutenberg book.
 */
export function gutenbergBounds(
	count: number,
	piece: (index: number) => string,
): GutenbergBounds | undefined {
	// The header is short: an ordinary long text is not searched to its end.
	let start = -1;
	for (let index = 0; index < Math.min(count, 1000) && start === -1; index++)
		if (startMarker.test(piece(index))) start = index;
	if (start === -1) return undefined;
	let end = count;
	for (let index = start + 1; index < count; index++) {
		if (endMarker.test(piece(index))) {
			end = index;
			break;
		}
	}

	for (let index = end - 1; index > start && index >= end - 12; index--) {
		if (endLine.test(piece(index))) {
			end = index;
			break;
		}
	}

	return {start: start + 1, end};
}

/** Title, authors and language from the header's "Title:", "Author:" and "Language:" lines. */
export function applyGutenbergHeader(header: string, meta: WorkMeta): void {
	// A title's indented second line is its subtitle ("or An Epoch of Rest"): the title is the first.
	const title = /^Title:[ \t]*(.+)$/m.exec(header)?.[1]?.trim();
	if (title) meta.title = title;
	const author = /^Authors?:[ \t]*(.+)$/m.exec(header)?.[1]?.trim();
	if (author) {
		meta.authors = author
			.split(/\s+and\s+|\s*;\s*|\s+&\s+/)
			.map((name) => name.trim())
			.filter(Boolean);
	}

	const language = /^Language:[ \t]*(.+)$/m.exec(header)?.[1]?.trim();
	if (language) meta.language = language;
}

/** The header or licence as paragraphs, from the text of HTML blocks (one <pre> holds many). */
export function gutenbergMatter(pieces: string[]): DraftBlock[] {
	return paragraphsFromLines(pieces.flatMap((piece) => [...piece.split('\n'), '']));
}
