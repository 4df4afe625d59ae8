// KOReader's place in an EPUB (a crengine XPointer such as `/body/DocFragment[3]/body/p[4]/text().12`)
// made from the path of a block's element, and read back to the block holding that element. Blocks
// keep only their element's number; the paths of one document are asked for when needed.

import type {Anchor} from '../work/anchor.ts';
import type {DocumentElementPaths} from '../formats/epub-element-paths.ts';
import {elementOfCode, elementPath} from '../formats/html-element-paths.ts';
import type {Block, BlockXPath, Work} from '../work/types.ts';

/** How far a block without a path looks for one (a chapter title ficterm made, an image, loose text). */
const maxLookAround = 64;

/**
 * The first piece of a paragraph split for length, and the offset there: the pieces share the
 * element, so an offset in a later piece counts the earlier pieces' text.
 */
function wholeBlock(blocks: Block[], anchor: Anchor): {index: number; offset: number} {
	let index = anchor.block;
	let offset = anchor.offset;
	const element = blocks[index]?.epubElement;
	while (index > 0 && blocks[index]!.continued && blocks[index - 1]!.epubElement === element) {
		index--;
		offset += blocks[index]!.text.length;
	}

	return {index, offset};
}

/** The block whose element names this place, and the offset in it; undefined without one. */
function placedBlock(work: Work, anchor: Anchor): {index: number; offset: number} | undefined {
	const {blocks} = work;
	let {index, offset} = wholeBlock(blocks, anchor);
	if (blocks[index]?.epubElement === undefined) {
		// A block ficterm made (a chapter title, a label) stands before the text it introduces.
		offset = 0;
		const after = nearestWithPath(blocks, index, 1);
		index = after ?? nearestWithPath(blocks, index, -1) ?? -1;
		if (index === -1) return undefined;
	}

	return {index, offset};
}

/**
 * The XPointer KOReader computes for this place, in the form crengine writes since its DOM version
 * 20260812 (every index explicit: `/body[1]/DocFragment[3]/body[1]/p[4]/text()[1].12`), which every
 * crengine reads; undefined when the work has no element paths (not an EPUB).
 */
export function xpointerAt(
	work: Work,
	anchor: Anchor,
	paths: DocumentElementPaths,
): string | undefined {
	const placed = placedBlock(work, anchor);
	if (!placed) return undefined;
	const {index, offset} = placed;
	const {fragment, order} = elementOfCode(work.blocks[index]!.epubElement!);
	const path = paths(fragment)?.get(order);
	if (!path) return undefined;
	const {element, text, start, end} = path;
	if (!text) return `${elementPath(element)}.0`;
	// Past its first text node (in a later text or inline element) the paragraph's start stands for it.
	return `${elementPath(element)}${text}.${offset >= start && offset <= end ? offset - start : 0}`;
}

function nearestWithPath(blocks: Block[], from: number, step: 1 | -1): number | undefined {
	for (let index = from + step, count = 0; count < maxLookAround; index += step, count++) {
		const block = blocks[index];
		if (!block) return undefined;
		if (block.epubElement !== undefined) return index;
	}

	return undefined;
}

type Step = {name: string; index: number};

const stepPattern = /^([A-Za-z_][\w.-]*|text\(\))(?:\[(\d{1,9})\])?$/;

/** The steps of an XPointer (an omitted index is the first) and its final offset, or undefined. */
export function parseXPointer(xpointer: string): {steps: Step[]; offset?: number} | undefined {
	if (!xpointer.startsWith('/') || xpointer.length > 4096) return undefined;
	const point = /\.(\d{1,9})$/.exec(xpointer);
	const path = point ? xpointer.slice(0, point.index) : xpointer;
	const steps: Step[] = [];
	for (const part of path.slice(1).split('/')) {
		const match = stepPattern.exec(part);
		if (!match) return undefined;
		const index = match[2] === undefined ? 1 : Number(match[2]);
		if (index < 1) return undefined;
		steps.push({name: match[1]!, index});
	}

	return {steps, offset: point ? Number(point[1]) : undefined};
}

const canonical = (steps: Step[]) => steps.map(({name, index}) => `/${name}[${index}]`).join('');

/** The EPUB document (its DocFragment number) an XPointer points into, or undefined. */
export function fragmentOfXPointer(xpointer: string): number | undefined {
	const steps = parseXPointer(xpointer)?.steps;
	const [body, fragment] = steps ?? [];
	return body?.name === 'body' && body.index === 1 && fragment?.name === 'DocFragment'
		? fragment.index
		: undefined;
}

/**
 * The place an XPointer names in this work: the block of its element (or of the nearest ancestor
 * element that holds blocks), or undefined when none does. One pass over the blocks, building
 * paths only for those of the pointer's document: nothing is kept between calls.
 */
export function anchorAtXPointer(
	work: Work,
	xpointer: string,
	paths: DocumentElementPaths,
): Anchor | undefined {
	const parsed = parseXPointer(xpointer);
	const fragment = fragmentOfXPointer(xpointer);
	if (!parsed || fragment === undefined) return undefined;
	const elements = parsed.steps.filter((step) => step.name !== 'text()');
	const textStep = parsed.steps.at(-1)?.name === 'text()' ? parsed.steps.at(-1) : undefined;
	const documentPaths = paths(fragment);
	if (elements.length < 2 || !documentPaths) return undefined;
	const candidates: Array<{block: number; path: string; xpath: BlockXPath}> = [];
	for (const [block, {epubElement}] of work.blocks.entries()) {
		if (epubElement === undefined) continue;
		const element = elementOfCode(epubElement);
		const xpath = element.fragment === fragment ? documentPaths.get(element.order) : undefined;
		if (xpath) candidates.push({block, path: elementPath(xpath.element), xpath});
	}

	// Never shorter than /body/DocFragment[N]: a document ficterm did not read is no place in it.
	for (let length = elements.length; length >= 2; length--) {
		const target = canonical(elements.slice(0, length));
		const found = candidates.find(({path}) => path === target || path.startsWith(`${target}/`));
		if (!found) continue;
		const {xpath} = found;
		// Inside the block's first text node the character offset carries over; elsewhere, its start.
		const below = canonical(elements.slice(length)) + (textStep ? canonical([textStep]) : '');
		const offset =
			found.path === target && xpath.text === below && parsed.offset !== undefined
				? Math.min(xpath.start + parsed.offset, xpath.end)
				: 0;
		return pieceAt(work.blocks, found.block, offset);
	}

	return undefined;
}

/** The piece of a split paragraph that holds `offset`, counted from its first piece. */
function pieceAt(blocks: Block[], first: number, offset: number): Anchor {
	let block = first;
	let rest = offset;
	const element = blocks[first]!.epubElement;
	while (
		rest >= blocks[block]!.text.length &&
		blocks[block + 1]?.continued &&
		blocks[block + 1]!.epubElement === element
	) {
		rest -= blocks[block]!.text.length;
		block++;
	}

	return {block, offset: Math.min(rest, blocks[block]!.text.length)};
}
