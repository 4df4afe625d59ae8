// What HTML elements mean to a reader: blocks, inline styles, and the markers a book leaves in its text.

import type {InlineStyle} from '../work/types.ts';

export type Element = {
	tag: string;
	id: string;
	classes: string[];
	attributes: Record<string, string>;
};

export const blockTags = new Set([
	'p',
	'div',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'blockquote',
	'li',
	'dt',
	'dd',
	'center',
	'pre',
	'tr',
	'td',
	'th',
	'section',
	'article',
	'header',
	'footer',
	'figure',
	'figcaption',
	'details',
	'summary',
	'table',
	'ul',
	'ol',
	'dl',
	'body',
	'html',
	'main',
	'aside',
	'nav',
	'address',
	'caption',
]);

export const skippedTags = new Set([
	'script',
	'style',
	'head',
	'template',
	'noscript',
	'svg',
	'math',
	'rp',
]);

export const voidTags = new Set([
	'br',
	'hr',
	'img',
	'meta',
	'link',
	'input',
	'wbr',
	'col',
	'area',
	'base',
	'source',
]);

export const inlineStyles: Record<string, InlineStyle> = {
	em: 'italic',
	i: 'italic',
	cite: 'italic',
	var: 'italic',
	dfn: 'italic',
	strong: 'bold',
	b: 'bold',
	u: 'underline',
	ins: 'underline',
	s: 'strike',
	strike: 'strike',
	del: 'strike',
};

export function hasClass(element: Element, prefix: string): boolean {
	return element.classes.some(
		(name) =>
			name === prefix || (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))),
	);
}

/** The element's semantic types: EPUB's `epub:type` and ARIA's `doc-` roles, without prefixes. */
function typesOf(element: Element): string[] {
	// Asked several times of every element, and most have neither attribute.
	if (element.attributes['epub:type'] === undefined && element.attributes['role'] === undefined)
		return [];
	const types = `${element.attributes['epub:type'] ?? ''} ${element.attributes['role'] ?? ''}`;
	return types
		.split(/\s+/)
		.filter(Boolean)
		.map((type) => type.replace(/^(doc-|z3998:)/, ''));
}

export function isCentred(element: Element): boolean {
	return (
		element.tag === 'center' ||
		element.attributes['align']?.toLowerCase() === 'center' ||
		/text-align\s*:\s*center/i.test(element.attributes['style'] ?? '')
	);
}

/** A printed book's page number left in the text (EPUB page breaks, Gutenberg's page numbers). */
export function isPageMarker(element: Element): boolean {
	return (
		typesOf(element).includes('pagebreak') ||
		element.classes.includes('pagenum') ||
		element.classes.includes('pageno')
	);
}

/** A reference to a footnote or an end note, shown as `[1]`. */
export function isNoteReference(element: Element): boolean {
	return (
		typesOf(element).includes('noteref') ||
		element.classes.includes('noteref') ||
		element.classes.includes('fnanchor') ||
		element.classes.includes('footnote-ref')
	);
}

/** A footnote or end note itself, read as a note rather than as story. */
export function isNote(element: Element): boolean {
	return typesOf(element).some((type) => type === 'footnote' || type === 'endnote');
}

/** A poem's line number, printed apart from the line it counts. */
export function isLineNumber(element: Element): boolean {
	return element.classes.some((name) => /^(lnum|linenum|lineno|line-?number)$/i.test(name));
}

/** A group of verse lines (a stanza): its lines are one block, one line each. */
export function isVerseGroup(element: Element): boolean {
	return (
		element.classes.some((name) => /^(linegroup|stanza|lg|verse|poem)$/i.test(name)) ||
		typesOf(element).some((type) => type === 'stanza' || type === 'verse')
	);
}

/** Columns of indent a verse line asks for with a class: `indent`, `indent2` (IDPF), `i4` (Gutenberg's ems). */
export function verseIndent(element: Element): number {
	for (const name of element.classes) {
		const ems = /^i(\d+)$/.exec(name);
		if (ems) return Math.min(20, Number(ems[1]));
		const steps = /^indent(\d*)$/i.exec(name);
		if (steps) return 2 * Math.min(10, Number(steps[1] || 1));
	}

	return 0;
}

/** The writing direction an element sets with `dir`, if any. */
export function directionOf(element: Element): 'rtl' | 'ltr' | undefined {
	const dir = element.attributes['dir']?.toLowerCase();
	return dir === 'rtl' || dir === 'ltr' ? dir : undefined;
}

/** The writing direction of a block: its element's own `dir`, else the nearest ancestor's. */
export function directionWithin(element: Element | undefined, ancestors: readonly Element[]) {
	const own = element && directionOf(element);
	if (own) return own;
	for (let index = ancestors.length - 1; index >= 0; index--) {
		const direction = directionOf(ancestors[index]!);
		if (direction) return direction;
	}

	return undefined;
}
