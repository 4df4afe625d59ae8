// Wraps one block to a width: lines with their character offsets, style runs, indent and tone.

import type {Block, StyleRun} from '../work/types.ts';
import {breakLine, textWidth} from './line-breaks.ts';
import {shownWithReadings, type ShownText} from './shown-text.ts';

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
	/** Ruby readings (furigana) in parentheses after their base; false drops them. */
	readings?: boolean;
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
	// A nested list item sits two columns further in per level, its bullet under its parent's text.
	if (block.kind === 'list-item')
		return Math.min(2 + 2 * (block.level ?? 0), Math.floor(width / 3));
	if (block.kind === 'quote' || block.part === 'note') return 2;
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
function shownText(block: Block, width: number, options: WrapOptions): ShownText {
	if (block.kind === 'break' && !block.text)
		return {text: '─'.repeat(Math.max(1, Math.min(ruleWidth, width))), own: true};
	if (block.folded && !options.revealTags) {
		return {text: 'Tags: hidden (press a to show them)', own: true};
	}

	return shownWithReadings(block, options.readings ?? true);
}

/** Right to left when the block says so, or else when its first letter is Hebrew, Arabic or alike. */
function isRightToLeft(block: Block): boolean {
	if (block.direction) return block.direction === 'rtl';
	const text = block.text;
	for (let index = 0; index < text.length && index < 200; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x41) continue;
		if (
			(code >= 0x590 && code <= 0x8ff) ||
			(code >= 0xfb1d && code <= 0xfdff) ||
			(code >= 0xfe70 && code <= 0xfefc)
		)
			return true;
		if (/\p{L}/u.test(text[index]!)) return false;
	}

	return false;
}

export function wrapBlock(block: Block, width: number, options: WrapOptions): Line[] {
	const tone = toneOf(block);
	const lines: Line[] = [];
	const shown = shownText(block, width, options);
	if (block.kind === 'spacer' || !shown.text) {
		lines.push({offset: 0, text: '', indent: 0, tone: 'blank', runs: []});
		return lines;
	}

	const indent = indentOf(block, width);
	const inner = Math.max(1, width - indent);
	const source = shown.text.includes('\t') ? shown.text.replaceAll('\t', ' ') : shown.text;
	const runs = shown.own ? undefined : (shown.styles ?? block.styles);
	const rightToLeft = !block.center && isRightToLeft(block);
	const marker =
		block.kind === 'list-item' && indent > 0 ? /^\S{1,5} /.exec(source)?.[0] : undefined;
	// By table, not string-width: its grapheme segmenter costs microseconds a call, every item.
	const markerWidth = marker ? textWidth(marker) : 0;
	const listHang = marker && inner > 2 * markerWidth ? markerWidth : 0;
	// Hard line breaks (verse, <br>, <pre>) are wrapped one by one, so that every line, blank ones
	// included, starts at its own offset: two lines at one offset would be one place to an anchor.
	let start = 0;
	let previous = -1;
	const hardLines = source.split('\n');
	for (const hardLine of hardLines) {
		const kept = shown.kept?.(start, start + hardLine.length);
		// A wrapped line of verse hangs under its first part, so that it does not pass for a line of
		// its own; a list item's hangs under its text, clear of the bullet or number.
		const hang =
			listHang > 0
				? listHang
				: hardLines.length > 1 && !block.center && !rightToLeft
					? Math.min(hardLine.length - hardLine.trimStart().length + 2, Math.floor(inner / 3))
					: 0;
		for (const [index, piece] of breakLine(hardLine, inner, kept, hang).entries()) {
			const text = hardLine.slice(piece.start, piece.end);
			const at = start + piece.start;
			const offset = Math.max(shown.blockOffset?.(at) ?? at, previous + 1);
			const room = Math.max(0, inner - piece.width);
			const pad = block.center ? Math.floor(room / 2) : rightToLeft ? room : index > 0 ? hang : 0;
			lines.push({
				offset,
				text,
				indent: indent + pad,
				tone,
				runs: runsWithin(runs, at, at + text.length),
			});
			previous = offset;
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
