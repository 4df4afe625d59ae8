// Wraps one block to a width: lines with their character offsets, style runs, indent and tone.

import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type {Block, StyleRun} from '../work/types.ts';

export type Tone = 'text' | 'heading' | 'break' | 'note' | 'label' | 'front' | 'blank';

export type Line = {
	/** Offset in the block's text where this line starts; a block's blank gap line has its text length. */
	offset: number;
	text: string;
	/** Columns of blank space before the text inside the text area. */
	indent: number;
	tone: Tone;
	runs: StyleRun[];
};

export type WrapOptions = {
	/** Whether a blank line follows the block. */
	gapAfter: boolean;
	/** Additional tags stay folded on the front page until the reader asks for them. */
	revealTags: boolean;
};

const ruleWidth = 12;

function toneOf(block: Block): Tone {
	if (block.kind === 'heading') return 'heading';
	if (block.kind === 'break') return 'break';
	if (block.kind === 'label') return 'label';
	if (block.part === 'note') return 'note';
	if (block.part === 'front') return 'front';
	return 'text';
}

function indentOf(block: Block, width: number): number {
	if (width < 12) return 0;
	if (block.kind === 'quote' || block.kind === 'list-item' || block.part === 'note') return 2;
	return 0;
}

function runsWithin(runs: StyleRun[] | undefined, start: number, end: number): StyleRun[] {
	if (!runs) return [];
	const within: StyleRun[] = [];
	for (const run of runs) {
		if (run.end > start && run.start < end) {
			within.push({
				start: Math.max(run.start, start) - start,
				end: Math.min(run.end, end) - start,
				style: run.style,
			});
		}
	}

	return within;
}

/** The text shown for a block: folded tags and bare rules get words or glyphs of their own. */
function shownText(block: Block, width: number, options: WrapOptions): string {
	if (block.kind === 'break' && !block.text)
		return '─'.repeat(Math.max(1, Math.min(ruleWidth, width)));
	if (block.folded && !options.revealTags) {
		return 'Tags: hidden (press a to show them)';
	}

	return block.text;
}

export function wrapBlock(block: Block, width: number, options: WrapOptions): Line[] {
	const tone = toneOf(block);
	const lines: Line[] = [];
	const text = shownText(block, width, options);
	if (block.kind === 'spacer' || !text) {
		lines.push({offset: 0, text: '', indent: 0, tone: 'blank', runs: []});
		return lines;
	}

	const indent = indentOf(block, width);
	// A list item's wrapped lines hang under its text, clear of the bullet or number.
	const marker = block.kind === 'list-item' && indent > 0 ? /^\S{1,5} /.exec(text)?.[0] : undefined;
	const hang = marker && width - indent > 2 * stringWidth(marker) ? stringWidth(marker) : 0;
	const inner = Math.max(1, width - indent - hang);
	const source = text.replaceAll('\t', ' ');
	const runs = text === block.text ? block.styles : undefined;
	// Hard line breaks (verse, <br>, <pre>) are wrapped one by one, so that every line, blank ones
	// included, starts at its own offset: two lines at one offset would be one place to an anchor.
	let start = 0;
	let previous = -1;
	for (const hardLine of source.split('\n')) {
		const pieces = wrapAnsi(hardLine, inner, {hard: true, trim: true}).split('\n');
		let cursor = 0;
		for (const piece of pieces) {
			while (
				cursor < hardLine.length &&
				/\s/.test(hardLine[cursor]!) &&
				!hardLine.startsWith(piece, cursor)
			)
				cursor++;
			const found = hardLine.startsWith(piece, cursor) ? cursor : hardLine.indexOf(piece, cursor);
			const offset = Math.max(start + (found === -1 ? cursor : found), previous + 1);
			const pad = block.center ? Math.max(0, Math.floor((inner - stringWidth(piece)) / 2)) : 0;
			lines.push({
				offset,
				text: piece,
				indent: indent + pad + (lines.length > 0 ? hang : 0),
				tone,
				runs: runsWithin(runs, offset, offset + piece.length),
			});
			previous = offset;
			cursor = offset - start + piece.length;
		}

		start += hardLine.length + 1;
	}

	if (options.gapAfter) {
		const last = lines.at(-1)!;
		lines.push({
			offset: Math.max(block.text.length, last.offset + 1),
			text: '',
			indent: 0,
			tone: 'blank',
			runs: [],
		});
	}

	return lines;
}
