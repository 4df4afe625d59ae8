// What the Work keeps of a block read from HTML: its text as a string of its own (or stored, see
// text-store.ts), and its marks.

import type {DraftBlock} from '../work/draft.ts';
import {textBlock} from '../work/text-store.ts';
import type {HtmlBlock} from './html-blocks.ts';

export function draftBlock(block: HtmlBlock): DraftBlock {
	const result = textBlock(block.kind, block.text, true);
	if (block.styles) result.styles = block.styles;
	if (block.ruby) result.ruby = block.ruby;
	if (block.center) result.center = true;
	if (block.direction) result.direction = block.direction;
	if (block.listLevel) result.level = block.listLevel;
	if (block.continued) result.continued = true;
	if (block.epubElement !== undefined) result.epubElement = block.epubElement;
	return result;
}
