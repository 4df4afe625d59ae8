// A work's blocks as the parsing worker sends them, in pieces, without their texts (packed apart:
// see packed-texts.ts). Most blocks are a kind, a part and, from an EPUB, an element: those go as
// a byte and a number each. Serialized as objects, 132,000 blocks took 9 MB in the worker, twice
// that with the serializer's spare room, at the moment its memory peaks.

import {deserialize, serialize} from 'node:v8';
import {ownArrayBuffer} from './packed-texts.ts';
import {blockKinds, blockParts, type Block, type BlockKind, type BlockPart} from './work/types.ts';
import type {WorkTexts} from './work/work-texts.ts';

const kinds: readonly BlockKind[] = blockKinds;
const parts: readonly BlockPart[] = blockParts;
/** The code of a block sent whole, as an object, in the piece's `others`. */
const other = 255;

/**
 * A piece of the blocks: each one's kind and part as `codes[i]` (kind * 3 + part), its EPUB
 * element in `elements` (NaN for none), and any block with more to it whole in `others`.
 */
export type BlockPiece = {
	codes: Uint8Array;
	elements?: Float64Array;
	/** Serialized [index in the piece, the block without its text] pairs. */
	others?: ArrayBuffer;
	received: number;
	total: number;
};

/** Which fields a block has besides its kind, part and text: none, an EPUB element, or others. */
function shape(block: Block): 'plain' | 'element' | 'other' {
	let element = false;
	for (const key of Object.keys(block)) {
		if (key === 'kind' || key === 'part' || key === 'text') continue;
		if (key === 'epubElement' && typeof block.epubElement === 'number') element = true;
		else return 'other';
	}

	return element ? 'element' : 'plain';
}

function code(block: Block): number {
	const kind = kinds.indexOf(block.kind);
	const part = parts.indexOf(block.part);
	return kind === -1 || part === -1 ? other : kind * parts.length + part;
}

/** What a piece hands over to the receiving thread. */
export function pieceTransfers(piece: BlockPiece): ArrayBuffer[] {
	return [
		piece.codes.buffer as ArrayBuffer,
		...(piece.elements ? [piece.elements.buffer as ArrayBuffer] : []),
		...(piece.others ? [piece.others] : []),
	];
}

/**
 * The blocks, their texts packed already, in pieces of `size`, made as they are asked for; a piece
 * made is let go of here, since it belongs to its receiver now.
 */
export function* blockPieces(blocks: Block[], size: number): Generator<BlockPiece> {
	for (let next = 0; next < blocks.length; next += size) {
		const count = Math.min(size, blocks.length - next);
		const codes = new Uint8Array(count);
		let elements: Float64Array | undefined;
		const others: Array<[number, Omit<Block, 'text'>]> = [];
		for (let index = 0; index < count; index++) {
			const block = blocks[next + index]!;
			const kind = shape(block);
			codes[index] = kind === 'other' ? other : code(block);
			if (codes[index] === other) {
				const rest: Partial<Block> = {...block};
				delete rest.text;
				others.push([index, rest as Omit<Block, 'text'>]);
			} else if (kind === 'element') {
				elements ??= new Float64Array(count).fill(Number.NaN);
				elements[index] = block.epubElement!;
			}
		}

		blocks.fill(undefined as never, next, next + count);
		yield {
			codes,
			elements,
			others: others.length > 0 ? ownArrayBuffer(serialize(others)) : undefined,
			received: next + count,
			total: blocks.length,
		};
	}
}

/** The blocks of a piece, their texts read from the work's texts, in order. */
export function unpackPiece(piece: BlockPiece, texts: WorkTexts): Block[] {
	const others = new Map(
		piece.others
			? (deserialize(Buffer.from(piece.others)) as Array<[number, Omit<Block, 'text'>]>)
			: [],
	);
	const blocks: Block[] = [];
	for (const [index, value] of piece.codes.entries()) {
		if (value === other) {
			const rest = others.get(index)!;
			blocks.push(Object.assign(texts.block(rest.kind, rest.part), rest));
			continue;
		}

		const block = texts.block(
			kinds[Math.floor(value / parts.length)]!,
			parts[value % parts.length]!,
		);
		const element = piece.elements?.[index];
		// A number read from a Float64Array is a heap number; `| 0` makes an ordinary code a small
		// integer, which the block holds in place (a box of its own for each block otherwise: 2 MB
		// and 129,000 objects for the collector at 5M words).
		if (element !== undefined && !Number.isNaN(element))
			block.epubElement = element <= 0x3fffffff ? element | 0 : element;
		blocks.push(block);
	}

	return blocks;
}
