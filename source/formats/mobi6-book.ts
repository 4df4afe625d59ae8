// A MOBI 6 book as an EPUB-like package: its one HTML split at page breaks, its HTML contents page
// (`<a filepos>` links, found through the guide) as the contents.

import type {EpubPackage, TocEntry} from './epub-container.ts';
import {anchorPositions} from './mobi-anchors.ts';
import {ao3Mobi6Pages, isAo3Mobi6, type Mobi6Page} from './mobi6-ao3.ts';

const documentName = (index: number) => `page${String(index).padStart(4, '0')}.html`;

/** Byte offsets of every `<mbp:pagebreak…>` (ASCII, so a byte search is exact in any encoding). */
function pageBreaks(bytes: Uint8Array): number[] {
	const breaks: number[] = [];
	const text = new TextDecoder('latin1').decode(bytes);
	const pattern = /<mbp:pagebreak\b[^>]*>/gi;
	for (let match = pattern.exec(text); match; match = pattern.exec(text))
		breaks.push(match.index, match.index + match[0].length);
	return breaks;
}

type Link = {label: string; position: number};

/** The `<a filepos=N>label</a>` links of the contents page that starts at `from`, up to its page's end. */
function contentsLinks(
	latin: string,
	from: number,
	to: number,
	decode: (text: string) => string,
): Link[] {
	const links: Link[] = [];
	const pattern = /<a\b[^>]*?\bfilepos\s*=\s*["']?(\d+)["']?[^>]*>([^]*?)<\/a>/gi;
	pattern.lastIndex = from;
	for (let match = pattern.exec(latin); match && match.index < to; match = pattern.exec(latin)) {
		const label = decode(match[2]!.replace(/<[^>]*>/g, ''))
			.replace(/\s+/g, ' ')
			.trim();
		links.push({label, position: Number(match[1])});
	}

	return links;
}

/** MOBI 6 draws headings as `<p><font size=N><b>…</b></font></p>`: back to headings, by size. */
function restoreHeadings(html: string): string {
	return html.replace(
		/<p\b([^>]*)>\s*<font size="?([5-7])"?>\s*<b>([^]*?)<\/b>\s*<\/font>\s*<\/p>/gi,
		(_, attributes: string, size: string, text: string) => {
			const level = 8 - Number(size);
			return `<h${level}${attributes}>${text}</h${level}>`;
		},
	);
}

const hasWords = (html: string) => /[\p{L}\p{N}]/u.test(html.replace(/<[^>]*>/g, ''));

/** The index of the range holding `position` (ranges ascending, not overlapping), or -1. */
function rangeHolding(ranges: Array<{start: number; end: number}>, position: number): number {
	let low = 0;
	let high = ranges.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (ranges[middle]!.start <= position) low = middle;
		else high = middle - 1;
	}

	const range = ranges[low];
	return range && position >= range.start && position < range.end ? low : -1;
}

export function openMobi6(
	text: Uint8Array,
	encoding: string,
	metadata: Record<string, string[]>,
): EpubPackage {
	const decoder = new TextDecoder(encoding);
	const latin = new TextDecoder('latin1').decode(text);
	const breaks = pageBreaks(text);
	const ranges: Array<{start: number; end: number}> = [];
	let start = 0;
	for (let index = 0; index < breaks.length; index += 2) {
		ranges.push({start, end: breaks[index]!});
		start = breaks[index + 1]!;
	}

	ranges.push({start, end: text.length});
	const rangeAt = (position: number) => rangeHolding(ranges, position);
	const guide = /<reference\b[^>]*\btype\s*=\s*["']?toc["']?[^>]*\bfilepos\s*=\s*["']?(\d+)/i.exec(
		latin.slice(0, 4096),
	);
	const tocPosition = guide ? Number(guide[1]) : -1;
	const tocPage = tocPosition >= 0 ? rangeAt(tocPosition) : -1;
	const links =
		tocPage >= 0
			? contentsLinks(latin, tocPosition, ranges[tocPage]!.end, (raw) =>
					decoder.decode(Uint8Array.from(raw, (char) => char.charCodeAt(0))),
				)
			: [];
	const byRange = new Map<number, number[]>();
	for (const [index, link] of links.entries()) {
		const range = rangeAt(link.position);
		if (range < 0 || range === tocPage) continue;
		const list = byRange.get(range) ?? [];
		list.push(index);
		byRange.set(range, list);
	}

	const documents = new Map<string, string>();
	const pages: Array<Mobi6Page & {name: string}> = [];
	const hrefs = links.map(() => '');
	let lastLinked = -1;
	for (const range of byRange.keys()) lastLinked = Math.max(lastLinked, range);
	for (const [index, range] of ranges.entries()) {
		if (index === tocPage) continue;
		// Calibre moves what was outside the reading order (a cover page) behind the text.
		if (index > lastLinked && lastLinked >= 0 && !hasWords(latin.slice(range.start, range.end)))
			continue;
		const entries = byRange.get(index) ?? [];
		const anchored = anchorPositions(
			text.subarray(range.start, range.end),
			entries.map((entry) => links[entry]!.position - range.start),
			decoder,
		);
		pages.push({
			name: documentName(index),
			html: restoreHeadings(anchored.html),
			labels: entries.map((entry) => links[entry]!.label),
		});
		for (const [at, entry] of entries.entries())
			hrefs[entry] = documentName(index) + (anchored.ids[at] ? `#${anchored.ids[at]}` : '');
	}

	const shaped = pages[0] && isAo3Mobi6(pages[0].html) ? ao3Mobi6Pages(pages) : undefined;
	for (const [index, page] of pages.entries())
		documents.set(page.name, shaped?.[index] ?? page.html);

	const toc: TocEntry[] = links.flatMap((link, index) =>
		hrefs[index] ? [{label: link.label, href: hrefs[index], depth: 0}] : [],
	);
	return {
		metadata,
		spine: ranges.map((_, index) => documentName(index)).filter((name) => documents.has(name)),
		toc,
		warnings: [],
		text(path, options = {}) {
			const html = documents.get(path) ?? '';
			if (!options.keep) documents.delete(path);
			return html;
		},
	};
}
