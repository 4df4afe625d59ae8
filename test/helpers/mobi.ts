// Writes MOBI 6 and AZW3 (KF8) files as calibre lays them out, small and without calibre: record 0
// with its MOBI header and EXTH, PalmDOC-compressed text records, and KF8's SKEL, FRAG and NCX tables.

import {cncxOffsets, indexRecords, palmDocCompress, pdb, type TagValues, u16, u32} from './pdb.ts';

export {palmDocCompress, pdb} from './pdb.ts';

const encoder = new TextEncoder();
const noIndex = 0xff_ff_ff_ff;

export type MobiOptions = {
	compression?: 1 | 2;
	/** Trailing entries on each text record: a multibyte byte and one TBS entry (flags 3). */
	trailing?: boolean;
	title?: string;
	author?: string;
};

type Record0 = {
	version: 6 | 8;
	textLength: number;
	textRecords: number;
	indexes?: Record<number, number>;
};

function record0(options: MobiOptions, fields: Record0): Uint8Array {
	const exth: number[] = [];
	const exthRecords: Array<[number, Uint8Array]> = [
		[100, encoder.encode(options.author ?? 'ficterm')],
		[503, encoder.encode(options.title ?? 'Untitled')],
		[524, encoder.encode('en')],
	];
	for (const [type, value] of exthRecords)
		exth.push(...u32(type), ...u32(value.length + 8), ...value);
	const exthBlock = [
		0x45,
		0x58,
		0x54,
		0x48,
		...u32(12 + exth.length),
		...u32(exthRecords.length),
		...exth,
	];
	const header = new Array<number>(16 + 264).fill(0);
	header.splice(0, 2, ...u16(options.compression ?? 2));
	header.splice(4, 4, ...u32(fields.textLength));
	header.splice(8, 2, ...u16(fields.textRecords));
	header.splice(10, 2, ...u16(4096));
	header.splice(16, 4, 0x4d, 0x4f, 0x42, 0x49);
	header.splice(20, 4, ...u32(264));
	header.splice(24, 4, ...u32(2));
	header.splice(28, 4, ...u32(65_001));
	const title = encoder.encode(options.title ?? 'Untitled');
	header.splice(0x54, 4, ...u32(header.length + exthBlock.length));
	header.splice(0x58, 4, ...u32(title.length));
	header.splice(0x68, 4, ...u32(fields.version));
	header.splice(0x6c, 4, ...u32(noIndex));
	header.splice(0x80, 4, ...u32(0x40));
	for (const at of [0xc0, 0xf4, 0xf8, 0xfc, 0x100, 0x104]) header.splice(at, 4, ...u32(noIndex));
	header.splice(0xc4, 4, ...u32(1));
	header.splice(0xf2, 2, ...u16(options.trailing ? 3 : 0));
	for (const [at, value] of Object.entries(fields.indexes ?? {}))
		header.splice(Number(at), 4, ...u32(value));
	return Uint8Array.from([...header, ...exthBlock, ...title, 0, 0]);
}

function textRecords(text: Uint8Array, options: MobiOptions): Uint8Array[] {
	const records: Uint8Array[] = [];
	for (let at = 0; at < text.length; at += 4096) {
		const chunk = text.subarray(at, at + 4096);
		const body = (options.compression ?? 2) === 2 ? palmDocCompress(chunk) : chunk;
		records.push(options.trailing ? Uint8Array.from([...body, 0x00, 0x2a, 0x82]) : body);
	}

	return records;
}

/** A MOBI 6 book: pages joined by page breaks, calibre's contents page of filepos links at the end. */
export function mobi6File(
	pages: Array<{title: string; html: string}>,
	options: MobiOptions = {},
): Uint8Array {
	const head =
		'<html><head><guide><reference type="toc" title="Table of Contents" filepos=TOCPOSITN /></guide></head><body>';
	const parts = [head];
	let length = encoder.encode(head).length;
	const starts: number[] = [];
	for (const page of pages) {
		starts.push(length);
		const part = `${page.html}<mbp:pagebreak/>`;
		parts.push(part);
		length += encoder.encode(part).length;
	}

	const tocAt = length;
	parts.push('<p><font size="5"><b>Table of Contents</b></font></p>');
	for (const [index, page] of pages.entries())
		parts.push(`<p><a filepos=${String(starts[index]).padStart(10, '0')}>${page.title}</a></p>`);
	parts.push('<mbp:pagebreak/></body></html>');
	const html = parts.join('').replace('TOCPOSITN', String(tocAt).padStart(10, '0').slice(1));
	// The placeholder is nine characters; the position written in its place is padded to match.
	const text = encoder.encode(html);
	const records = textRecords(text, options);
	return pdb('BOOKMOBI', [
		record0(options, {version: 6, textLength: text.length, textRecords: records.length}),
		...records,
	]);
}

/** An AZW3: one skeleton per part holding its `<body>` shell, one fragment holding the body's content. */
export function azw3File(
	pages: Array<{title: string; html: string}>,
	options: MobiOptions = {},
): Uint8Array {
	const flow: number[] = [];
	const skeletons: Array<{label: string; tags: TagValues}> = [];
	const fragments: Array<{label: string; tags: TagValues}> = [];
	const ncx: Array<{label: string; tags: TagValues}> = [];
	const labels: string[] = [];
	for (const [index, page] of pages.entries()) {
		const shell = encoder.encode(
			`<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${page.title}</title></head><body aid="${index}">`,
		);
		const close = encoder.encode('</body></html>');
		const content = encoder.encode(page.html);
		const start = flow.length;
		for (const byte of shell) flow.push(byte);
		for (const byte of close) flow.push(byte);
		for (const byte of content) flow.push(byte);
		skeletons.push({
			label: `SKEL${String(index).padStart(10, '0')}`,
			tags: {1: [1], 6: [start, shell.length + close.length]},
		});
		const insertAt = start + shell.length;
		fragments.push({
			label: String(insertAt).padStart(10, '0'),
			tags: {2: [0], 3: [index], 4: [index], 6: [0, content.length]},
		});
		labels.push(page.title);
		ncx.push({label: String(index).padStart(3, '0'), tags: {3: [index], 4: [0], 6: [index, 0]}});
	}

	const text = Uint8Array.from(flow);
	const records = textRecords(text, options);
	const skel = indexRecords(
		[
			[1, 1],
			[6, 2],
		],
		skeletons,
	);
	const frag = indexRecords(
		[
			[2, 1],
			[3, 1],
			[4, 1],
			[6, 2],
		],
		fragments,
		["P-//*[@aid='0']"],
	);
	// The NCX names each label by where it starts among the CNCX strings.
	const offsets = cncxOffsets(labels);
	for (const entry of ncx) entry.tags[3] = [offsets[entry.tags[3]![0]!]!];
	const toc = indexRecords(
		[
			[3, 1],
			[4, 1],
			[6, 2],
		],
		ncx,
		labels,
	);
	const first = 1 + records.length;
	const fdst = Uint8Array.from([
		0x46,
		0x44,
		0x53,
		0x54,
		...u32(12),
		...u32(1),
		...u32(0),
		...u32(text.length),
	]);
	const indexes = {
		0xfc: first,
		0xf8: first + skel.records.length,
		0xf4: first + skel.records.length + frag.records.length,
		0xc0: first + skel.records.length + frag.records.length + toc.records.length,
	};
	return pdb('BOOKMOBI', [
		record0(options, {version: 8, textLength: text.length, textRecords: records.length, indexes}),
		...records,
		...skel.records,
		...frag.records,
		...toc.records,
		fdst,
	]);
}
