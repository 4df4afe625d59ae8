// A MOBI or AZW3's text: its text records, trailing entries stripped, decompressed into one buffer.

import {LoadError} from '../work/decode.ts';
import type {MobiHeader} from './mobi-header.ts';
import {palmDocInto} from './mobi-palmdoc.ts';
import type {PdbFile} from './mobi-records.ts';

/** PalmDOC turns 2 bytes into at most 10: no honest record grows more than this. */
const maxExpansion = 5;

/** The size of one trailing entry, whose length is written backwards at the record's end. */
function trailingEntrySize(record: Uint8Array, end: number): number {
	let size = 0;
	let shift = 0;
	for (let at = end - 1; at >= 0 && shift < 28; at--) {
		const byte = record[at]!;
		size |= (byte & 0x7f) << shift;
		shift += 7;
		if (byte & 0x80) break;
	}

	return size;
}

/** The record without the entries that `flags` says follow its text (TBS indexing, multibyte tails). */
export function stripTrailingEntries(record: Uint8Array, flags: number): Uint8Array {
	let end = record.length;
	for (let bits = flags >> 1; bits && end > 0; bits >>= 1) {
		if (bits & 1) end -= Math.min(end, trailingEntrySize(record, end));
	}

	if (flags & 1 && end > 0) end -= Math.min(end, (record[end - 1]! & 0x3) + 1);
	return record.subarray(0, Math.max(0, end));
}

function checkReadable(header: MobiHeader): void {
	if (header.encryption !== 0)
		throw new LoadError(
			`this book is DRM-protected (MOBI encryption type ${header.encryption}); ficterm cannot open it`,
		);
	if (header.compression === 17_480)
		throw new LoadError(
			'this MOBI file uses HUFF/CDIC compression, which ficterm does not read (convert it with calibre)',
		);
	if (header.compression !== 1 && header.compression !== 2)
		throw new LoadError(`this MOBI file uses an unknown compression (type ${header.compression})`);
}

export type TextSpan = {
	/** Stop after the record that reaches this many bytes (a preview's start). */
	upTo?: number;
	/** Start at this text record, 0 for the first (the end of the text, for a contents page). */
	fromRecord?: number;
};

/**
 * The decompressed text of records `first`… (`first` is the record after the header record), at
 * most the declared text length; a span reads only part of it, each record being compressed on
 * its own.
 */
export function mobiTextBytes(
	pdb: PdbFile,
	header: MobiHeader,
	first: number,
	{upTo = Infinity, fromRecord = 0}: TextSpan = {},
): Uint8Array {
	checkReadable(header);
	const records: Uint8Array[] = [];
	let stored = 0;
	let largest = 0;
	for (let index = fromRecord; index < header.textRecords && first + index < pdb.count; index++) {
		const record = stripTrailingEntries(pdb.record(first + index), header.extraFlags);
		records.push(record);
		stored += record.length;
		largest = Math.max(largest, record.length);
	}

	const expansion = header.compression === 2 ? maxExpansion : 1;
	// Never more than the declared length, nor more than the records could hold: a header that
	// declares 4 GB of text allocates no more than its records can fill.
	const capacity = Math.min(
		Math.max(0, header.textLength - fromRecord * header.recordSize),
		stored * expansion,
		upTo + largest * expansion,
	);
	const out = new Uint8Array(capacity);
	let at = 0;
	for (const record of records) {
		if (at >= capacity || at >= upTo) break;
		if (header.compression === 1) {
			const length = Math.min(record.length, capacity - at);
			out.set(record.subarray(0, length), at);
			at += length;
		} else {
			at = palmDocInto(record, out, at);
		}
	}

	return out.subarray(0, at);
}
