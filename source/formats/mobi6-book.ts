// A MOBI 6 book as an EPUB-like package: its one HTML split at page breaks, its HTML contents page
// (`<a filepos>` links, found through the guide) as the contents.

import type {EpubPackage, TocEntry} from './epub-container.ts';
import {kindlePackage} from './kindle-package.ts';
import {anchorPositions} from './mobi-anchors.ts';
import {ao3Mobi6Pages, isAo3Mobi6, type Mobi6Page} from './mobi6-ao3.ts';
import {boundedParser} from './bounded-parser.ts';

const documentName = (index: number) => `page${String(index).padStart(4, '0')}.html`;

/** Bytes as Latin-1 text: each byte one character, so string offsets are byte offsets. */
function latinOf(bytes: Uint8Array): string {
	let text = '';
	// In slices: a call takes only so many arguments.
	for (let at = 0; at < bytes.length; at += 8192)
		text += String.fromCharCode(...bytes.subarray(at, at + 8192));
	return text;
}

const pageBreakTag = Array.from('mbp:pagebreak', (char) => char.charCodeAt(0));

/** Byte offsets where each `<mbp:pagebreak…>` starts and ends, found in the bytes (it is ASCII). */
function pageBreaks(bytes: Uint8Array): number[] {
	const breaks: number[] = [];
	for (let at = bytes.indexOf(0x3c); at !== -1; at = bytes.indexOf(0x3c, at + 1)) {
		// ASCII letters compare case-blind with the 0x20 bit set.
		if (!pageBreakTag.every((code, index) => (bytes[at + 1 + index]! | 0x20) === (code | 0x20)))
			continue;
		const end = bytes.indexOf(0x3e, at);
		if (end === -1) break;
		breaks.push(at, end + 1);
		at = end;
	}

	return breaks;
}

/** The text of an HTML fragment, its entities decoded; nesting past the bound costs nothing. */
function textOf(html: string): string {
	let text = '';
	const {parser} = boundedParser({ontext: (data) => (text += data)}, {decodeEntities: true});
	parser.write(html);
	parser.end();
	return text;
}

type Link = {label: string; position: number};

/** The `<a filepos=N>label</a>` links of a contents page. */
function contentsLinks(latin: string, decode: (text: string) => string): Link[] {
	const links: Link[] = [];
	const pattern = /<a\b[^>]*?\bfilepos\s*=\s*["']?(\d+)["']?[^>]*>([^]*?)<\/a>/gi;
	for (let match = pattern.exec(latin); match; match = pattern.exec(latin)) {
		const label = textOf(decode(match[2]!)).replace(/\s+/g, ' ').trim();
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

function untilPageBreak(bytes: Uint8Array): Uint8Array {
	const breaks = pageBreaks(bytes);
	return breaks.length > 0 ? bytes.subarray(0, breaks[0]) : bytes;
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

/** Where the guide says calibre's contents page starts (a byte position in the text), or -1. */
export function mobi6ContentsPosition(text: Uint8Array): number {
	const guide = /<reference\b[^>]*\btype\s*=\s*["']?toc["']?[^>]*\bfilepos\s*=\s*["']?(\d+)/i.exec(
		latinOf(text.subarray(0, 4096)),
	);
	return guide ? Number(guide[1]) : -1;
}

/** Only the start of the text, and the records from `offset` on that hold the contents page. */
export type Mobi6Start = {contents?: {bytes: Uint8Array; offset: number}};

/** Opens a MOBI 6 text; with `start`, `text` is only its start, whose last, cut page is left out. */
export function openMobi6(
	text: Uint8Array,
	encoding: string,
	metadata: Record<string, string[]>,
	start?: Mobi6Start,
): EpubPackage {
	const decoder = new TextDecoder(encoding);
	const breaks = pageBreaks(text);
	const ranges: Array<{start: number; end: number}> = [];
	let from = 0;
	for (let index = 0; index < breaks.length; index += 2) {
		ranges.push({start: from, end: breaks[index]!});
		from = breaks[index + 1]!;
	}

	if (!start) ranges.push({start: from, end: text.length});
	const rangeAt = (position: number) => rangeHolding(ranges, position);
	const tocPosition = mobi6ContentsPosition(text);
	const tocPage = tocPosition >= 0 ? rangeAt(tocPosition) : -1;
	const source = start?.contents;
	const contentsBytes =
		tocPage >= 0
			? text.subarray(tocPosition, ranges[tocPage]!.end)
			: source && tocPosition >= source.offset
				? untilPageBreak(source.bytes.subarray(tocPosition - source.offset))
				: new Uint8Array(0);
	const links = contentsLinks(latinOf(contentsBytes), (raw) =>
		decoder.decode(Uint8Array.from(raw, (char) => char.charCodeAt(0))),
	);
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
		if (
			index > lastLinked &&
			lastLinked >= 0 &&
			!hasWords(decoder.decode(text.subarray(range.start, range.end)))
		)
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
	const spine = ranges.map((_, index) => documentName(index)).filter((name) => documents.has(name));
	return kindlePackage(metadata, spine, toc, documents);
}
