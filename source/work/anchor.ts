// A place in the text that does not depend on the screen: a block and a character offset in it.

export type Anchor = {block: number; offset: number};

/** A place the reader marked, with the opening words there as its label. */
export type Mark = {anchor: Anchor; label: string};

export function compareAnchors(a: Anchor, b: Anchor): number {
	return a.block === b.block ? a.offset - b.offset : a.block - b.block;
}

export const startAnchor: Anchor = {block: 0, offset: 0};
