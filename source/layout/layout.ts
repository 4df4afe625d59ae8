// Lazy layout of a work at one width: wraps blocks only as they are needed and moves anchors by lines.

import type {Work} from '../work/types.ts';
import {compareAnchors, type Anchor} from '../work/anchor.ts';
import {wrapBlock, type Line, type WrapOptions} from './wrap-block.ts';

/** How many wrapped blocks one layout keeps; enough for many screens, bounded for huge works. */
const cacheLimit = 4000;

export type LinePosition = {block: number; line: number};

export class Layout {
	readonly work: Work;
	readonly width: number;
	readonly revealTags: boolean;
	/** Ruby readings shown after their base text, or left out. */
	readonly readings: boolean;
	readonly #cache = new Map<number, Line[]>();
	readonly #ends = new Map<number, Anchor>();

	constructor(work: Work, width: number, revealTags = false, readings = true) {
		this.work = work;
		this.width = Math.max(1, Math.floor(width));
		this.revealTags = revealTags;
		this.readings = readings;
	}

	/** How many blocks are wrapped and cached now. */
	get wrappedBlocks(): number {
		return this.#cache.size;
	}

	get blockCount(): number {
		return this.work.blocks.length;
	}

	linesOf(index: number): Line[] {
		const cached = this.#cache.get(index);
		if (cached) return cached;
		const block = this.work.blocks[index]!;
		const next = this.work.blocks[index + 1];
		const options: WrapOptions = {
			gapAfter: next !== undefined && !next.continued && block.kind !== 'spacer',
			revealTags: this.revealTags,
			readings: this.readings,
		};
		const lines = wrapBlock(block, this.width, options);
		if (this.#cache.size >= cacheLimit) this.#cache.delete(this.#cache.keys().next().value!);
		this.#cache.set(index, lines);
		return lines;
	}

	/** The line that holds the anchor's character. */
	positionOf(anchor: Anchor): LinePosition {
		const block = Math.min(Math.max(0, anchor.block), this.blockCount - 1);
		const lines = this.linesOf(block);
		let line = 0;
		while (line + 1 < lines.length && lines[line + 1]!.offset <= anchor.offset) line++;
		return {block, line};
	}

	anchorOf(position: LinePosition): Anchor {
		return {block: position.block, offset: this.linesOf(position.block)[position.line]!.offset};
	}

	/** Moves a position by whole lines across blocks, stopping at the first and last line. */
	moveBy(position: LinePosition, delta: number): LinePosition {
		let {block, line} = position;
		line += delta;
		while (line < 0 && block > 0) {
			block--;
			line += this.linesOf(block).length;
		}

		if (line < 0) return {block: 0, line: 0};
		while (line >= this.linesOf(block).length && block < this.blockCount - 1) {
			line -= this.linesOf(block).length;
			block++;
		}

		return {block, line: Math.min(line, this.linesOf(block).length - 1)};
	}

	/** The top anchor that puts the work's last line on the last row of a view `height` rows tall. */
	endAnchor(height: number): Anchor {
		const cached = this.#ends.get(height);
		if (cached) return cached;
		const lastBlock = this.blockCount - 1;
		const last = {block: lastBlock, line: this.linesOf(lastBlock).length - 1};
		const anchor = this.anchorOf(this.moveBy(last, -(Math.max(1, height) - 1)));
		this.#ends.set(height, anchor);
		return anchor;
	}

	/** Keeps a top anchor between the start and the end of the work for a view of `height` rows. */
	clamp(anchor: Anchor, height: number): Anchor {
		const normal = this.anchorOf(this.positionOf(anchor));
		const end = this.endAnchor(height);
		return compareAnchors(normal, end) > 0 ? end : normal;
	}

	scroll(anchor: Anchor, delta: number, height: number): Anchor {
		return this.clamp(this.anchorOf(this.moveBy(this.positionOf(anchor), delta)), height);
	}

	/** The `count` lines from the anchor's line on, fewer at the end of the work. */
	linesFrom(anchor: Anchor, count: number): Array<Line & {block: number}> {
		const rows: Array<Line & {block: number}> = [];
		let {block, line} = this.positionOf(anchor);
		while (rows.length < count && block < this.blockCount) {
			const lines = this.linesOf(block);
			for (; line < lines.length && rows.length < count; line++)
				rows.push({...lines[line]!, block});
			block++;
			line = 0;
		}

		return rows;
	}

	atEnd(anchor: Anchor, height: number): boolean {
		return compareAnchors(anchor, this.endAnchor(height)) >= 0;
	}
}
