// Reads an EPUB's contents, the EPUB 3 nav document or the EPUB 2 NCX, keeping its nesting.

import {scanXml} from './xml-scan.ts';

export type TocEntry = {
	label: string;
	/** The target inside the zip, `path#fragment`; empty for a heading that only groups entries. */
	href: string;
	/** 0 for the top level, 1 for the entries nested in it, and so on. */
	depth: number;
};

type Resolve = (href: string) => string;

function localName(name: string): string {
	const lower = name.toLowerCase();
	return lower.includes(':') ? lower.slice(lower.indexOf(':') + 1) : lower;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The `toc` nav of an EPUB 3 navigation document: each `li` with its link or its grouping label. */
export function navEntries(xml: string, resolve: Resolve): TocEntry[] {
	const entries: TocEntry[] = [];
	let navDepth = 0;
	let inToc = false;
	let listDepth = 0;
	/** Nesting of hidden elements (a hidden sub-list is not part of the visible contents). */
	let hiddenDepth = 0;
	const open: string[] = [];
	/** The entry of the `li` being read, until its label is complete. */
	let entry: TocEntry | undefined;
	let labelTag = '';
	let labelDepth = 0;
	scanXml(xml, {
		onopentag(rawName, attributes) {
			const name = localName(rawName);
			open.push(name);
			if (name === 'nav') {
				navDepth = open.length;
				inToc = /(^|\s)toc(\s|$)/.test(attributes['epub:type'] ?? attributes['type'] ?? 'toc');
			}

			if (!inToc) return;
			if (hiddenDepth > 0 || 'hidden' in attributes) hiddenDepth++;
			if (name === 'ol' || name === 'ul') listDepth++;
			if (hiddenDepth > 0) return;
			if (name === 'li') {
				entry = {label: '', href: '', depth: Math.max(0, listDepth - 1)};
				entries.push(entry);
			} else if (entry && !labelTag && (name === 'a' || name === 'span')) {
				labelTag = name;
				labelDepth = open.length;
				const href = name === 'a' ? attributes['href'] : undefined;
				if (href) entry.href = resolve(href);
			}
		},
		ontext(data) {
			if (entry && labelTag && hiddenDepth === 0) entry.label += data;
		},
		onclosetag() {
			const depth = open.length;
			const name = open.pop();
			if (inToc) {
				if (labelTag && depth === labelDepth) {
					entry!.label = clean(entry!.label);
					entry = undefined;
					labelTag = '';
				}

				if (hiddenDepth > 0) hiddenDepth--;
				else if (name === 'li') entry = undefined;
				if (name === 'ol' || name === 'ul') listDepth--;
			}

			if (depth === navDepth) inToc = false;
		},
	});
	return entries.filter((item) => item.label || item.href);
}

/** The navMap of an EPUB 2 NCX: each navPoint's label and target, at its depth. */
export function ncxEntries(xml: string, resolve: Resolve): TocEntry[] {
	const entries: TocEntry[] = [];
	const points: TocEntry[] = [];
	let inLabel = false;
	let inNavMap = false;
	scanXml(xml, {
		onopentag(rawName, attributes) {
			const name = localName(rawName);
			if (name === 'navmap') inNavMap = true;
			if (!inNavMap) return;
			if (name === 'navpoint') {
				const point = {label: '', href: '', depth: points.length};
				points.push(point);
				entries.push(point);
			}

			if (name === 'text' && points.length > 0) inLabel = true;
			if (name === 'content' && attributes['src'] && points.length > 0)
				points.at(-1)!.href = resolve(attributes['src']);
		},
		ontext(data) {
			if (inLabel) points.at(-1)!.label += data;
		},
		onclosetag(rawName) {
			const name = localName(rawName);
			if (name === 'text') inLabel = false;
			if (name === 'navpoint') {
				const point = points.pop()!;
				point.label = clean(point.label);
			}

			if (name === 'navmap') inNavMap = false;
		},
	});
	return entries.filter((item) => item.href);
}
