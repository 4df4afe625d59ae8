// Markdown's inline code spans, links, images and autolinks, then its emphasis, into text with style runs.

import type {StyleRun} from '../work/types.ts';
import {ForwardSearch} from './forward-search.ts';
import {parseInlineMarkup} from './inline-markup.ts';
import {referenceLabel} from './markdown-references.ts';

// Stands for the characters of a code span or an autolink while the emphasis is read, so that
// `a*b` and <https://x.org/a_b_> stay as they are.
const placeholder = '\uE000';
// After `]`: `(destination "title")`. No `[` or `]` inside, so that every try stops at the next
// bracket and a paragraph full of unclosed brackets still costs linear time.
const destination =
	/\(\s*(?:<[^<>\n[\]]*>|(?:[^\s()<>[\]\\]|\\.|\([^\s()<>[\]]*\))*)(?:\s+(?:"[^"[\]]*"|'[^'[\]]*'|\([^()[\]]*\)))?\s*\)/y;
const autolink =
	/<([a-z][\d+.a-z-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[\da-z-]+(?:\.[\da-z-]+)*)>/iy;

/** Whether exactly `length` backticks start at `at`: a code span's closer. */
function backticksAt(source: string, at: number, length: number): boolean {
	if (source[at - 1] === '`') return false;
	let end = at;
	while (source[end] === '`') end++;
	return end - at === length;
}

type Link = {textEnd: number; end: number};

/** Labels are at most this long in CommonMark. */
const longestLabel = 999;

/**
 * The link whose text opens at `open` (a `[`): where its text ends and where the link ends. A
 * link to a reference (`[text][label]`, `[label][]`, `[label]`) is one only if its label is defined.
 */
function linkAt(
	source: string,
	open: number,
	next: ForwardSearch,
	references: ReadonlySet<string>,
): Link | undefined {
	const close = next.next(']', open + 1);
	if (close === -1 || source[close - 1] === '\\') return undefined;
	const inner = next.next('[', open + 1);
	if (inner !== -1 && inner < close) return undefined;
	if (source[close + 1] === '(') {
		destination.lastIndex = close + 1;
		if (destination.test(source)) return {textEnd: close, end: destination.lastIndex};
	}

	if (references.size === 0) return undefined;
	const defined = (from: number, to: number) =>
		to - from <= longestLabel && references.has(referenceLabel(source.slice(from, to)));
	if (source[close + 1] === '[') {
		const labelEnd = next.next(']', close + 2);
		const labelInner = next.next('[', close + 2);
		if (labelEnd !== -1 && (labelInner === -1 || labelInner > labelEnd)) {
			const full = labelEnd > close + 2;
			if (full ? defined(close + 2, labelEnd) : defined(open + 1, close))
				return {textEnd: close, end: labelEnd + 1};
		}
	}

	return defined(open + 1, close) ? {textEnd: close, end: close + 1} : undefined;
}

/** A code span's text: CommonMark strips one space at each end when both ends have one. */
function codeText(content: string): string {
	return content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim()
		? content.slice(1, -1)
		: content;
}

/**
 * Plain text and style runs from a line of Markdown. A link shows its text alone (as links from
 * HTML and EPUB do): a URL read aloud in the middle of a story is noise, and the printed text,
 * where no dim exists, must be what the screen shows. An image shows `[image: alt]`, as in HTML.
 */
export function parseMarkdownInline(
	source: string,
	references: ReadonlySet<string> = new Set(),
): {text: string; styles: StyleRun[]} {
	if (!/[`[<]/.test(source) || source.includes(placeholder)) return parseInlineMarkup(source);
	const next = new ForwardSearch(source);
	const pieces: string[] = [];
	const verbatim: Verbatim[] = [];
	let last = 0;
	let at = 0;
	let link: (Link & {suffix: string}) | undefined;
	while (at < source.length) {
		if (link && at === link.textEnd) {
			pieces.push(source.slice(last, at), link.suffix);
			at = last = link.end;
			link = undefined;
			continue;
		}

		const char = source[at]!;
		if (char === '\\') {
			at += 2;
			continue;
		}

		if (char === '`') {
			let run = at;
			while (source[run] === '`') run++;
			const length = run - at;
			const close = next.next('`'.repeat(length), run, (at) => backticksAt(source, at, length));
			if (close === -1 || (link && close > link.textEnd)) {
				at = run;
				continue;
			}

			const code = codeText(source.slice(run, close));
			pieces.push(source.slice(last, at), placeholder.repeat(code.length));
			verbatim.push({text: code, code: true});
			at = last = close + length;
			continue;
		}

		const image = char === '!' && source[at + 1] === '[';
		if (!link && (char === '[' || image)) {
			const open = image ? at + 1 : at;
			const found = linkAt(source, open, next, references);
			if (found) {
				const empty = found.textEnd === open + 1;
				pieces.push(source.slice(last, at), image ? (empty ? '[image' : '[image: ') : '');
				link = {...found, suffix: image ? ']' : ''};
				at = last = open + 1;
				continue;
			}
		}

		if (char === '<') {
			autolink.lastIndex = at;
			const match = autolink.exec(source);
			if (match && (!link || autolink.lastIndex <= link.textEnd)) {
				pieces.push(source.slice(last, at), placeholder.repeat(match[1]!.length));
				verbatim.push({text: match[1]!, code: false});
				at = last = autolink.lastIndex;
				continue;
			}
		}

		at++;
	}

	pieces.push(source.slice(last));
	const parsed = parseInlineMarkup(pieces.join(''));
	return verbatim.length > 0 ? withVerbatim(parsed, verbatim) : parsed;
}

type Verbatim = {text: string; code: boolean};

/** Puts each code span's and autolink's text back over its placeholders; code gets a run. */
function withVerbatim(
	parsed: {text: string; styles: StyleRun[]},
	verbatim: Verbatim[],
): {text: string; styles: StyleRun[]} {
	const pieces: string[] = [];
	const styles = [...parsed.styles];
	let last = 0;
	for (const piece of verbatim) {
		const start = parsed.text.indexOf(placeholder, last);
		if (start === -1) break;
		pieces.push(parsed.text.slice(last, start), piece.text);
		if (piece.code) styles.push({start, end: start + piece.text.length, style: 'code'});
		last = start + piece.text.length;
	}

	pieces.push(parsed.text.slice(last));
	return {text: pieces.join(''), styles};
}
