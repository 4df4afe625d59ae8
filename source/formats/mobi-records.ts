// The Palm database (PDB) record table that MOBI, AZW3 and PalmDOC files are built on, read with bounds.

import {LoadError} from '../work/decode.ts';

export type PdbFile = {
	/** Type and creator at offset 60, e.g. `BOOKMOBI` or `TEXtREAd`. */
	kind: string;
	count: number;
	/** The bytes of record `index`, empty for an index past the table. */
	record: (index: number) => Uint8Array;
};

const headerLength = 78;

/** The 8 bytes at offset 60 that say what a Palm database holds. */
export function pdbKind(bytes: Uint8Array): string {
	if (bytes.length < headerLength) return '';
	return String.fromCharCode(...bytes.subarray(60, 68));
}

export function isMobiBytes(bytes: Uint8Array): boolean {
	const kind = pdbKind(bytes);
	return kind === 'BOOKMOBI' || kind === 'TEXtREAd';
}

/**
 * The record table. A record's end is the next record's start; an offset that goes backwards or
 * past the end of the file makes that record empty rather than the whole book unreadable.
 */
export function readPdb(bytes: Uint8Array): PdbFile {
	if (bytes.length < headerLength)
		throw new LoadError('this MOBI file is cut short: no record table');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const declared = view.getUint16(76);
	// A table can hold no more entries than the file has room for.
	const count = Math.min(declared, Math.floor((bytes.length - headerLength) / 8));
	if (count === 0) throw new LoadError('this MOBI file has no records');
	const starts = new Uint32Array(count + 1);
	for (let index = 0; index < count; index++)
		starts[index] = view.getUint32(headerLength + index * 8);
	starts[count] = bytes.length;
	return {
		kind: pdbKind(bytes),
		count,
		record(index) {
			if (!Number.isInteger(index) || index < 0 || index >= count) return new Uint8Array(0);
			const start = starts[index]!;
			const end = starts[index + 1]!;
			if (start >= bytes.length || end <= start) return new Uint8Array(0);
			return bytes.subarray(start, Math.min(end, bytes.length));
		},
	};
}
