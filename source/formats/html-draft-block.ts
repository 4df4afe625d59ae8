// What the Work keeps of a block read from HTML: its text as a string of its own, and its marks.

import type {DraftBlock} from '../work/draft.ts';
import {ownText} from '../work/own-text.ts';
import type {HtmlBlock} from './html-blocks.ts';

export function draftBlock(block: HtmlBlock): DraftBlock {
	const result: DraftBlock = {kind: block.kind, text: ownText(block.text)};
	if (block.styles) result.styles = block.styles;
	if (block.ruby) result.ruby = block.ruby;
	if (block.center) result.center = true;
	if (block.direction) result.direction = block.direction;
	if (block.listLevel) result.level = block.listLevel;
	if (block.continued) result.continued = true;
	if (block.epubElement !== undefined) result.epubElement = block.epubElement;
	return result;
}
