// Chooses the adapter for a file by its content (and its name only where content cannot tell).

import type {WorkDraft} from '../work/draft.ts';
import {looksLikeAo3Html, parseAo3Html} from './ao3-html.ts';
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
		name: 'ao3-html',
		matches: ({text}) => looksLikeHtml(text) && looksLikeAo3Html(text),
		parse: ({text}) => parseAo3Html(text),
	},
	{
		name: 'fff-html',
		matches: ({text}) => looksLikeHtml(text) && looksLikeFffHtml(text),
		parse: ({text}) => parseFffHtml(text),
	},
	{
		name: 'html',
		matches: ({text}) => looksLikeHtml(text),
		parse: ({text, path}) => parseHtml(text, path),
	},
	{
		name: 'fff-txt',
		matches: ({text}) => looksLikeFffTxt(text),
		parse: ({text}) => parseFffTxt(text),
	},
	{
		name: 'ao3-text',
		matches: ({text}) => looksLikeAo3Text(text),
		parse: ({text}) => parseAo3Text(text),
	},
	{
		name: 'markdown',
		matches: ({text, path}) =>
			/\.(md|markdown)$/i.test(path) || markdownHeading.test(text.slice(0, 5000)),
		parse: ({text, path}) => parseMarkdown(text, path),
	},
	{name: 'text', matches: () => true, parse: ({text, path}) => parsePlainText(text, path)},
];

export function parseText(input: TextInput): WorkDraft {
	const adapter = textAdapters.find((candidate) => candidate.matches(input))!;
	return adapter.parse(input);
}

export {parseEpub};
