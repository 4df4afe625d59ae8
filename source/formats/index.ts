// Chooses the adapter for a file by its content (and its name only where content cannot tell).

import type {WorkDraft} from '../work/draft.ts';
import type {LineList} from '../work/line-list.ts';
import {looksLikeAo3Html, parseAo3Html} from './ao3-html.ts';
import {looksLikeAo3Page, looksLikeAo3PageFragment, parseAo3Page} from './ao3-page.ts';
import {ao3TextMarkers, looksLikeAo3Text, parseAo3Text, parseAo3TextLines} from './ao3-text.ts';
import {parseEpub} from './epub.ts';
import {looksLikeFffHtml, parseFffHtml} from './fff-html.ts';
import {looksLikeFffTxt, parseFffTxt, parseFffTxtLines} from './fff-txt.ts';
import {parseHtml} from './html.ts';
import {parseMarkdown, parseMarkdownLines} from './markdown.ts';
import {parsePlainText, parsePlainTextLines} from './plain-text.ts';

export type TextInput = {text: string; path: string};

type AdapterBase = {
	name: string;
	matches: (input: TextInput) => boolean;
	parse: (input: TextInput) => WorkDraft;
};

type HtmlAdapter = AdapterBase & {html: true};

type LineAdapter = AdapterBase & {
	html: false;
	/**
	 * The same reading from the text's lines: plain text takes them one stretch at a time, the
	 * others read them all at once.
	 */
	parseLines: (lines: LineList, path: string) => WorkDraft;
};

type TextAdapter = HtmlAdapter | LineAdapter;

export function looksLikeHtml(text: string): boolean {
	return /^\s*(<\?xml[^>]*>\s*)?(<!--[^]*?-->\s*)*<(!doctype html|html|head|body)\b/i.test(
		text.slice(0, 4000),
	);
}

const markdownHeading = /^#{1,3}\s+\S/m;

// First match wins, so the most specific shapes come first.
const textAdapters: TextAdapter[] = [
	{
		// Before the download: a saved page links to the work by its full address too.
		name: 'ao3-page',
		html: true,
		matches: ({text}) => looksLikeAo3Page(text),
		parse: ({text}) => parseAo3Page(text),
	},
	{
		name: 'ao3-html',
		html: true,
		matches: ({text}) => looksLikeHtml(text) && looksLikeAo3Html(text),
		parse: ({text}) => parseAo3Html(text),
	},
	{
		name: 'fff-html',
		html: true,
		matches: ({text}) => looksLikeHtml(text) && looksLikeFffHtml(text),
		parse: ({text}) => parseFffHtml(text),
	},
	{
		name: 'html',
		html: true,
		matches: ({text}) => looksLikeHtml(text),
		parse: ({text, path}) => parseHtml(text, path),
	},
	{
		name: 'fff-txt',
		html: false,
		matches: ({text}) => looksLikeFffTxt(text),
		parse: ({text}) => parseFffTxt(text),
		parseLines: (lines) => parseFffTxtLines(lines.all()),
	},
	{
		name: 'ao3-text',
		html: false,
		matches: ({text}) => looksLikeAo3Text(text),
		parse: ({text}) => parseAo3Text(text),
		parseLines: (lines) => parseAo3TextLines(lines.all()),
	},
	{
		name: 'markdown',
		html: false,
		matches: ({text, path}) =>
			/\.(md|markdown)$/i.test(path) || markdownHeading.test(text.slice(0, 5000)),
		parse: ({text, path}) => parseMarkdown(text, path),
		parseLines: (lines, path) => parseMarkdownLines(lines.all(), path),
	},
	{
		name: 'text',
		html: false,
		matches: () => true,
		parse: ({text, path}) => parsePlainText(text, path),
		parseLines: parsePlainTextLines,
	},
];

const htmlAdapters = textAdapters.filter((adapter): adapter is HtmlAdapter => adapter.html);
const lineAdapters = textAdapters.filter((adapter): adapter is LineAdapter => !adapter.html);

function hasStory(draft: WorkDraft): boolean {
	return draft.chapters.some((chapter) => chapter.body.some((block) => block.text.trim()));
}

/**
 * The first adapter whose shape the text has; if its reading finds no story, the next one's, but
 * HTML is never read as plain text (its markup would show).
 */
export function parseText(input: TextInput): WorkDraft {
	const html = looksLikeHtml(input.text) || looksLikeAo3PageFragment(input.text);
	const adapters: readonly TextAdapter[] = html ? htmlAdapters : lineAdapters;
	return firstWithStory(adapters, input, (adapter) => adapter.parse(input));
}

function firstWithStory<A extends TextAdapter>(
	adapters: readonly A[],
	input: TextInput,
	parse: (adapter: A) => WorkDraft,
): WorkDraft {
	let first: WorkDraft | undefined;
	for (const adapter of adapters) {
		if (!adapter.matches(input)) continue;
		const draft = parse(adapter);
		if (hasStory(draft)) return draft;
		first ??= draft;
	}

	return first!;
}

// All that the adapters' `matches` read of a text: its first 300,000 characters (ao3-page.ts reads
// the most), where the AO3 text markers first occur, and its last 200 characters (fff-txt.ts).
const chosenByStart = 300_000;
const chosenByEnd = 200;

/**
 * A text that every adapter's `matches` takes exactly as it takes the lines joined: the lines
 * themselves when they are few, otherwise the opening, the first line holding each AO3 text
 * marker and the closing lines.
 */
function textToChooseBy(lines: LineList): string {
	let length = 0;
	let head = 0;
	while (head < lines.length && length <= chosenByStart) length += lines.line(head++).length + 1;
	let tail = lines.length;
	length = 0;
	while (tail > head && length <= chosenByEnd) length += lines.line(--tail).length + 1;
	const range = (start: number, end: number) =>
		Array.from({length: end - start}, (_, index) => lines.line(start + index));
	if (tail === head) return range(0, lines.length).join('\n');
	const opening = range(0, head);
	const wanted = ao3TextMarkers.filter((marker) => !opening.some((line) => line.includes(marker)));
	// Each marker's first line, in the order they come, so that each is found on its own first line.
	const markers = wanted
		.map((marker) => lines.find(marker, head))
		.filter((index) => index !== -1)
		.sort((a, b) => a - b)
		.map((index) => lines.line(index));
	return [...opening, ...markers, ...range(tail, lines.length)].join('\n');
}

/**
 * parseText of the lines joined, but text that is not HTML (plain, AO3's, FanFicFare's, Markdown)
 * is read from the lines themselves: a 5M-word work is then never one string, half of it two bytes
 * a character for the sake of one curly quote, with every paragraph cut from it keeping all of it.
 * Plain text takes the lines a stretch at a time, so that they need not all be read at once.
 */
export function parseTextLines(lines: LineList, path: string): WorkDraft {
	const choose = {text: textToChooseBy(lines), path};
	if (!looksLikeHtml(choose.text) && !looksLikeAo3PageFragment(choose.text)) {
		// Plain text comes last, so the others have only read the lines when it takes them.
		return firstWithStory(lineAdapters, choose, (adapter) => adapter.parseLines(lines, path));
	}

	// One string now, and the lines emptied: left to the collector, they stayed alive while the
	// text was read, held by a slot of this call (26 MB of HTML: peak 232 -> 205 MB).
	const all = lines.takeAll();
	const text = all.join('\n');
	all.length = 0;
	return parseText({text, path});
}

export {parseEpub};
