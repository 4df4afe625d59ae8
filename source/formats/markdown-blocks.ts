// Markdown lines into blocks (paragraphs, headings, list items, quotes), for Markdown and FanFicFare's TXT.

import type {DraftBlock} from '../work/draft.ts';
import {textBlock} from '../work/text-store.ts';
import type {BlockKind, StyleRun} from '../work/types.ts';
import {parseInlineMarkup} from './inline-markup.ts';
import {bulletAt} from './list-bullets.ts';
import {parseMarkdownInline} from './markdown-inline.ts';
import {definedLabel} from './markdown-references.ts';
import {isBlank, isSpacerLine, joinLines} from './text-lines.ts';

const headingLine = /^(#{1,6})\s+(\S.*?)(?:\s+#+)?\s*$/;
const listItemLine = /^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(?=\S)/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quoteLine = /^ {0,3}>\s?/;

export function headingOf(line: string): {level: number; text: string} | undefined {
	const match = headingLine.exec(line);
	return match ? {level: match[1]!.length, text: match[2]!} : undefined;
}

type Inline = (source: string) => {text: string; styles: StyleRun[]};

export type MarkdownOptions = {
	/** Code spans and links as Markdown has them; FanFicFare's TXT has emphasis alone. */
	markdown?: boolean;
	/** The link reference labels the file defines (markdown-references.ts). */
	references?: ReadonlySet<string>;
};

/** A block with its inline markup turned into style runs. */
/** A block of the source's text and styles; its text stored while the worker reads (text-store.ts). */
function styled(kind: BlockKind, source: string, inline: Inline): DraftBlock {
	const {text, styles} = inline(source);
	const block = textBlock(kind, text);
	if (styles.length > 0) block.styles = styles;
	return block;
}

/** Columns of a line's leading blanks, a tab reaching the next multiple of four. */
function indentColumns(blanks: string): number {
	let columns = 0;
	for (const char of blanks) columns = char === '\t' ? columns + 4 - (columns % 4) : columns + 1;
	return columns;
}

/**
 * One block per paragraph, list item, quote paragraph and heading. A list item keeps its bullet
 * ("• ", "◦ " one level in) or number ("3. ") and takes in the lines that continue it; an item
 * indented to its parent's text is nested one level deeper, as CommonMark reads lists.
 */
export function markdownBlocks(
	lines: string[],
	options: MarkdownOptions = {},
	/** The lines `start`…`end` only: a chapter's, without a copy of them. */
	start = 0,
	end = lines.length,
): DraftBlock[] {
	const {references} = options;
	const inline: Inline = options.markdown
		? (source) => parseMarkdownInline(source, references)
		: parseInlineMarkup;
	const blocks: DraftBlock[] = [];
	let kind: BlockKind = 'paragraph';
	let marker = '';
	let current: string[] = [];
	// Where the text of each list item open around the current line starts, outermost first: a
	// line indented that far is inside the item.
	let open: number[] = [];
	let level = 0;
	let newList = false;
	let lastTopType = '';
	const flush = () => {
		if (current.length > 0) {
			const text = joinLines(current, {hardBreaks: true});
			const block = styled(kind, marker + text, inline);
			if (kind === 'list-item') {
				if (level > 0) block.level = level;
				// A list reads one item a line; another list (bullets after numbers) starts after a gap.
				if (blocks.at(-1)?.kind === 'list-item' && !newList) block.continued = true;
			}

			if (text) blocks.push(block);
		}

		current = [];
		kind = 'paragraph';
		marker = '';
	};

	for (let index = start; index < end; index++) {
		const line = lines[index]!;
		if (isSpacerLine(line)) {
			flush();
			blocks.push({kind: 'spacer', text: ''});
			continue;
		}

		if (isBlank(line)) {
			flush();
			continue;
		}

		// A definition is not text; it cannot break into a paragraph, so there it is the paragraph's.
		if (references && (current.length === 0 || kind !== 'paragraph')) {
			const label = definedLabel(line);
			if (label && references.has(label)) {
				flush();
				continue;
			}
		}

		const heading = headingOf(line);
		if (heading) {
			flush();
			open = [];
			const block = styled('heading', heading.text, inline);
			block.center = true;
			blocks.push(block);
			continue;
		}

		if (thematicBreak.test(line)) {
			flush();
			open = [];
			blocks.push({kind: 'paragraph', text: line.trim()});
			continue;
		}

		const item = listItemLine.exec(line);
		// An ordered list may break into a paragraph only when it starts at 1, so that a wrapped
		// line beginning "1984. " stays in its paragraph.
		const interrupts =
			item && (item[2] || Number(item[3]) === 1 || kind !== 'paragraph' || current.length === 0);
		if (item && interrupts) {
			flush();
			const indent = indentColumns(item[1]!);
			while (open.length > 0 && indent < open.at(-1)!) open.pop();
			const type = item[2] ?? item[4]!;
			level = open.length;
			newList = level === 0 && blocks.at(-1)?.kind === 'list-item' && lastTopType !== type;
			if (level === 0) lastTopType = type;
			const bulletOrNumber = item[2] ? bulletAt(level) : `${item[3]!}${type}`;
			const spaces = indentColumns(item[5]!);
			const markerColumns = item[0].length - item[1]!.length - item[5]!.length;
			open.push(indent + markerColumns + (spaces > 4 ? 1 : spaces));
			kind = 'list-item';
			marker = `${bulletOrNumber} `;
			current.push(line.slice(item[0].length));
			continue;
		}

		if (quoteLine.test(line)) {
			const rest = line.replace(quoteLine, '');
			if (kind !== 'quote' || isBlank(rest)) flush();
			open = [];
			if (isBlank(rest)) continue;
			kind = 'quote';
			current.push(rest);
			continue;
		}

		// A paragraph that starts left of an open item's text is outside that item's list.
		if (current.length === 0) {
			const indent = indentColumns(/^[ \t]*/.exec(line)![0]);
			while (open.length > 0 && indent < open.at(-1)!) open.pop();
		}

		// A plain line after a quote starts a paragraph; after a list item it goes on with it.
		if (kind === 'quote') flush();
		current.push(line);
	}

	flush();
	while (blocks[0]?.kind === 'spacer') blocks.shift();
	while (blocks.at(-1)?.kind === 'spacer') blocks.pop();
	// An array grown by push keeps room for 17 blocks: a copy of a short one holds only its own, and
	// a work of 200,000 one-paragraph chapters keeps 200,000 of them.
	return blocks.length < 16 ? blocks.slice() : blocks;
}
