// Record 0 of a MOBI or AZW3: the PalmDOC header, the MOBI header and its EXTH metadata records.

import {LoadError} from '../work/decode.ts';

/** "No such record" in the MOBI header's index fields. */
export const noIndex = 0xff_ff_ff_ff;

export type MobiHeader = {
	/** 1 none, 2 PalmDOC, 17480 HUFF/CDIC. */
	compression: number;
	textLength: number;
	textRecords: number;
	recordSize: number;
	encryption: number;
	encoding: 'utf-8' | 'windows-1252';
	/** 6 for MOBI, 8 for KF8 (AZW3); 0 for a PalmDOC without a MOBI header. */
	version: number;
	/** Which trailing entries each text record carries (multibyte and TBS bits). */
	extraFlags: number;
	title: string;
	/** EXTH records by type, each value as bytes, in file order. */
	exth: Map<number, Uint8Array[]>;
	ncxIndex: number;
	/** KF8 only (noIndex otherwise): FDST record, fragment (FRAG) and skeleton (SKEL) indexes, guide. */
	fdstIndex: number;
	fragIndex: number;
	skelIndex: number;
	guideIndex: number;
};

function exthRecords(record: Uint8Array, start: number): Map<number, Uint8Array[]> {
	const exth = new Map<number, Uint8Array[]>();
	if (start + 12 > record.length) return exth;
	const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
	if (String.fromCharCode(...record.subarray(start, start + 4)) !== 'EXTH') return exth;
	const end = Math.min(record.length, start + view.getUint32(start + 4));
	const count = view.getUint32(start + 8);
	let at = start + 12;
	// Each record takes at least 8 bytes, so the loop ends with the data however large the count.
	for (let index = 0; index < count && at + 8 <= end; index++) {
		const type = view.getUint32(at);
		const length = view.getUint32(at + 4);
		if (length < 8 || at + length > end) break;
		const list = exth.get(type) ?? [];
		list.push(record.subarray(at + 8, at + length));
		exth.set(type, list);
		at += length;
	}

	return exth;
}

export function readMobiHeader(record: Uint8Array): MobiHeader {
	if (record.length < 16)
		throw new LoadError('this MOBI file is damaged: its first record is cut short');
	const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
	const u32 = (at: number, fallback = noIndex) =>
		at + 4 <= record.length ? view.getUint32(at) : fallback;
	const header: MobiHeader = {
		compression: view.getUint16(0),
		textLength: view.getUint32(4),
		textRecords: view.getUint16(8),
		recordSize: view.getUint16(10),
		encryption: view.getUint16(12),
		encoding: 'windows-1252',
		version: 0,
		extraFlags: 0,
		title: '',
		exth: new Map(),
		ncxIndex: noIndex,
		fdstIndex: noIndex,
		fragIndex: noIndex,
		skelIndex: noIndex,
		guideIndex: noIndex,
	};
	if (record.length < 24 || String.fromCharCode(...record.subarray(16, 20)) !== 'MOBI')
		return header;
	const length = u32(20, 0);
	header.encoding = u32(28, 1252) === 65_001 ? 'utf-8' : 'windows-1252';
	header.version = u32(0x68, 0);
	// Trailing entries are declared only by headers long enough to hold the field (calibre's bound too).
	if (length >= 0xe4 && length <= 500 && record.length >= 0xf4)
		header.extraFlags = view.getUint16(0xf2);
	const decoder = new TextDecoder(header.encoding);
	const titleAt = u32(0x54, 0);
	const titleLength = u32(0x58, 0);
	if (titleAt + titleLength <= record.length)
		header.title = decoder.decode(record.subarray(titleAt, titleAt + titleLength));
	if (u32(0x80, 0) & 0x40) header.exth = exthRecords(record, 16 + length);
	if (record.length >= 0xf8) header.ncxIndex = u32(0xf4);
	if (header.version === 8 && record.length >= 0xf8 + 16) {
		header.fragIndex = u32(0xf8);
		header.skelIndex = u32(0xfc);
		header.guideIndex = u32(0x104);
		// With one flow or none, the FDST field may hold anything.
		if (u32(0xc4, 0) > 1) header.fdstIndex = u32(0xc0);
	}

	return header;
}

/** The EXTH record of `type` as text, first one. */
export function exthText(header: MobiHeader, type: number): string | undefined {
	const value = header.exth.get(type)?.[0];
	return value ? new TextDecoder(header.encoding).decode(value).trim() || undefined : undefined;
}

/** Every EXTH record of `type` as text. */
export function exthTexts(header: MobiHeader, type: number): string[] {
	const decoder = new TextDecoder(header.encoding);
	return (header.exth.get(type) ?? []).map((value) => decoder.decode(value).trim()).filter(Boolean);
}

/** The EXTH record of `type` as a 32-bit number. */
export function exthNumber(header: MobiHeader, type: number): number | undefined {
	const value = header.exth.get(type)?.[0];
	if (!value || value.length < 4) return undefined;
	return new DataView(value.buffer, value.byteOffset, 4).getUint32(0);
}
