// Chooses the adapter for a file by its content (and its name only where content cannot tell).

import type {WorkDraft} from '../work/draft.ts';
import {looksLikeAo3Html, parseAo3Html} from './ao3-html.ts';
import {looksLikeAo3Page, looksLikeAo3PageFragment, parseAo3Page} from './ao3-page.ts';
import {looksLikeAo3Text, parseAo3Text} from './ao3-text.ts';
import {parseEpub} from './epub.ts';
import {looksLikeFffHtml, parseFffHtml} from './fff-html.ts';
import {looksLikeFffTxt, parseFffTxt} from './fff-txt.ts';
import {parseHtml} from './html.ts';
import {parseMarkdown} from './markdown.ts';
import {parsePlainText} from './plain-text.ts';

export type TextInput = {text: string; path: string};

type TextAdapter = {
	name: string;
	html: boolean;
	matches: (input: TextInput) => boolean;
	parse: (input: TextInput) => WorkDraft;
};

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
	},
	{
		name: 'ao3-text',
		html: false,
		matches: ({text}) => looksLikeAo3Text(text),
		parse: ({text}) => parseAo3Text(text),
	},
	{
		name: 'markdown',
		html: false,
		matches: ({text, path}) =>
			/\.(md|markdown)$/i.test(path) || markdownHeading.test(text.slice(0, 5000)),
		parse: ({text, path}) => parseMarkdown(text, path),
	},
	{
		name: 'text',
		html: false,
		matches: () => true,
		parse: ({text, path}) => parsePlainText(text, path),
	},
];

function hasStory(draft: WorkDraft): boolean {
	return draft.chapters.some((chapter) => chapter.body.some((block) => block.text.trim()));
}

/**
 * The first adapter whose shape the text has; if its reading finds no story, the next one's, but
 * HTML is never read as plain text (its markup would show).
 */
export function parseText(input: TextInput): WorkDraft {
	const html = looksLikeHtml(input.text) || looksLikeAo3PageFragment(input.text);
	let first: WorkDraft | undefined;
	for (const adapter of textAdapters) {
		if (adapter.html !== html || !adapter.matches(input)) continue;
		const draft = adapter.parse(input);
		if (hasStory(draft)) return draft;
		first ??= draft;
	}

	return first!;
}

export {parseEpub};
