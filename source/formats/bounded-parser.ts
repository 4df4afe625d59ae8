// An htmlparser2 parser that opens no element deeper than a bound, with a count of the tags it left out.
// htmlparser2 keeps its open elements with `unshift`, so each tag costs time in the depth: 200,000
// nested `<div>`s took 40 s and 300,000 unclosed `<b>`s over 90 s. Past the bound (Chrome's own
// parser stops nesting at 512) a start tag is left out and its text read in the element around it.

import {type Handler, Parser, type ParserOptions} from 'htmlparser2';

/** Chrome's HTML parser nests no deeper than this either. */
export const maxParserDepth = 512;

type Depth = {open: number; dropped: number};

class DepthBoundParser extends Parser {
	constructor(
		handler: Partial<Handler>,
		options: ParserOptions,
		private readonly depth: Depth,
		private readonly maxDepth: number,
	) {
		super(handler, options);
	}

	/** @internal The tokenizer's call for a start tag's name; nothing of the tag happens when it is left out. */
	override onopentagname(start: number, endIndex: number): void {
		if (this.depth.open >= this.maxDepth) {
			this.depth.dropped++;
			return;
		}

		super.onopentagname(start, endIndex);
	}
}

export type BoundedParser = {
	parser: Parser;
	/** How many start tags were left out for being too deep. */
	dropped: () => number;
};

/**
 * A parser whose handler sees at most `maxDepth` open elements. Every element opened (void ones
 * too, and implied ones) is reported closed once, so opens minus closes is the parser's depth.
 */
export function boundedParser(
	handler: Partial<Handler>,
	options: ParserOptions = {},
	maxDepth = maxParserDepth,
): BoundedParser {
	const depth: Depth = {open: 0, dropped: 0};
	const counted: Partial<Handler> = {
		...handler,
		onopentagname(name) {
			depth.open++;
			handler.onopentagname?.(name);
		},
		onclosetag(name, isImplied) {
			depth.open--;
			handler.onclosetag?.(name, isImplied);
		},
	};
	const parser = new DepthBoundParser(counted, options, depth, maxDepth);
	return {parser, dropped: () => depth.dropped};
}

/** The one warning a work gets for nesting left out. */
export function deepNestingWarning(dropped: number): string {
	return `the file nests elements more than ${maxParserDepth} deep; ${dropped.toLocaleString('en-US')} deeper tags were read as plain text`;
}
