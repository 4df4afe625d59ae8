// Markdown lines into blocks (paragraphs, headings, list items, quotes), for Markdown and FanFicFare's TXT.

import type {DraftBlock} from '../work/draft.ts';
import type {BlockKind} from '../work/types.ts';
import {parseInlineMarkup} from './inline-markup.ts';
import {isBlank, isSpacerLine, joinLines} from './text-lines.ts';

const headingLine = /^(#{1,6})\s+(\S.*?)(?:\s+#+)?\s*$/;
const listItemLine = /^(\s*)(?:([-*+])|(\d{1,9})[.)])\s+(?=\S)/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quoteLine = /^ {0,3}>\s?/;

export function headingOf(line: string): {level: number; text: string} | undefined {
	const match = headingLine.exec(line);
	return match ? {level: match[1]!.length, text: match[2]!} : undefined;
}

/** A block with its inline markup turned into style runs. */
function styled(kind: BlockKind, source: string): DraftBlock {
	const {text, styles} = parseInlineMarkup(source);
	return styles.length > 0 ? {kind, text, styles} : {kind, text};
}

/**
 * One block per paragraph, list item, quote paragraph and heading; a list item keeps its bullet
 * ("• ") or number ("3. ") and takes in the lines that continue it.
 */
export function markdownBlocks(lines: string[]): DraftBlock[] {
	const blocks: DraftBlock[] = [];
	let kind: BlockKind = 'paragraph';
	let marker = '';
	let current: string[] = [];
	const flush = () => {
		if (current.length > 0) {
			const text = joinLines(current, {hardBreaks: true});
			const block = styled(kind, marker + text);
			// A list reads one item a line, with no blank line between its items.
			if (kind === 'list-item' && blocks.at(-1)?.kind === 'list-item') block.continued = true;
			if (text) blocks.push(block);
		}

		current = [];
		kind = 'paragraph';
		marker = '';
	};

	for (const line of lines) {
		if (isSpacerLine(line)) {
			flush();
			blocks.push({kind: 'spacer', text: ''});
			continue;
		}

		if (isBlank(line)) {
			flush();
			continue;
		}

		const heading = headingOf(line);
		if (heading) {
			flush();
			blocks.push({...styled('heading', heading.text), center: true});
			continue;
		}

		if (thematicBreak.test(line)) {
			flush();
			blocks.push({kind: 'paragraph', text: line.trim()});
			continue;
		}

		const item = listItemLine.exec(line);
		if (item) {
			flush();
			kind = 'list-item';
			marker = item[2] ? '• ' : `${item[3]!}. `;
			current.push(line.slice(item[0].length));
			continue;
		}

		if (quoteLine.test(line)) {
			const rest = line.replace(quoteLine, '');
			if (kind !== 'quote' || isBlank(rest)) flush();
			if (isBlank(rest)) continue;
			kind = 'quote';
			current.push(rest);
			continue;
		}

		// A plain line after a quote starts a paragraph; after a list item it goes on with it.
		if (kind === 'quote') flush();
		current.push(line);
	}

	flush();
	while (blocks[0]?.kind === 'spacer') blocks.shift();
	while (blocks.at(-1)?.kind === 'spacer') blocks.pop();
	return blocks;
}
