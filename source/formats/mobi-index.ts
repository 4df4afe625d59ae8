// MOBI/KF8 INDX tables (the NCX, KF8's skeleton, fragment and guide tables): entries with their tags.

export type IndexEntry = {label: string; tags: Map<number, number[]>};
export type MobiIndex = {entries: IndexEntry[]; cncx: Map<number, string>};

type Tagx = {tag: number; valuesPerEntry: number; mask: number; endFlag: number};

/** Reads a forward variable-width integer (7 bits a byte, the last byte's high bit set). */
function forwardInt(data: Uint8Array, at: number): {value: number; next: number} {
	let value = 0;
	let next = at;
	while (next < data.length && next - at < 5) {
		const byte = data[next++]!;
		value = value * 128 + (byte & 0x7f);
		if (byte & 0x80) break;
	}

	return {value, next};
}

function u32(data: Uint8Array, at: number): number {
	if (at < 0 || at + 4 > data.length) return 0;
	return new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(at);
}

function u16(data: Uint8Array, at: number): number {
	if (at < 0 || at + 2 > data.length) return 0;
	return new DataView(data.buffer, data.byteOffset, data.byteLength).getUint16(at);
}

const isIndx = (data: Uint8Array) =>
	data.length >= 192 &&
	data[0] === 0x49 &&
	data[1] === 0x4e &&
	data[2] === 0x44 &&
	data[3] === 0x58;

function readTagx(header: Uint8Array): {controlBytes: number; tags: Tagx[]} {
	let at = u32(header, 180);
	const isTagx = (from: number) =>
		from >= 0 && String.fromCharCode(...header.subarray(from, from + 4)) === 'TAGX';
	if (!isTagx(at)) at = indexOfTagx(header);
	if (at < 0) return {controlBytes: 0, tags: []};
	const end = Math.min(header.length, at + u32(header, at + 4));
	const tags: Tagx[] = [];
	for (let entry = at + 12; entry + 4 <= end; entry += 4) {
		tags.push({
			tag: header[entry]!,
			valuesPerEntry: header[entry + 1]!,
			mask: header[entry + 2]!,
			endFlag: header[entry + 3]!,
		});
	}

	return {controlBytes: Math.min(u32(header, at + 8), 8), tags};
}

function indexOfTagx(header: Uint8Array): number {
	for (let at = 184; at + 4 <= header.length; at++)
		if (
			header[at] === 0x54 &&
			header[at + 1] === 0x41 &&
			header[at + 2] === 0x47 &&
			header[at + 3] === 0x58
		)
			return at;
	return -1;
}

const bitsSet = (value: number) => value.toString(2).replaceAll('0', '').length;

/** The tags of one entry: which are present and how many values each has come from its control bytes. */
function entryTags(data: Uint8Array, controlBytes: number, tagx: Tagx[]): Map<number, number[]> {
	const present: Array<{tag: number; count?: number; byteLength?: number; valuesPerEntry: number}> =
		[];
	let control = 0;
	let at = controlBytes;
	for (const tag of tagx) {
		if (tag.endFlag === 1) {
			control++;
			continue;
		}

		if (tag.mask === 0 || control >= controlBytes) continue;
		let value = data[control]! & tag.mask;
		if (value === 0) continue;
		if (value === tag.mask && bitsSet(tag.mask) > 1) {
			// All bits set: a length in bytes of the values follows, not a count.
			const length = forwardInt(data, at);
			at = length.next;
			present.push({tag: tag.tag, byteLength: length.value, valuesPerEntry: tag.valuesPerEntry});
		} else {
			for (let mask = tag.mask; (mask & 1) === 0; mask >>= 1) value >>= 1;
			present.push({tag: tag.tag, count: value, valuesPerEntry: tag.valuesPerEntry});
		}
	}

	const tags = new Map<number, number[]>();
	for (const item of present) {
		const values: number[] = [];
		if (item.count === undefined) {
			const end = at + (item.byteLength ?? 0);
			while (at < end && at < data.length) {
				const read = forwardInt(data, at);
				values.push(read.value);
				at = read.next;
			}
		} else {
			for (let index = 0; index < item.count * item.valuesPerEntry && at < data.length; index++) {
				const read = forwardInt(data, at);
				values.push(read.value);
				at = read.next;
			}
		}

		tags.set(item.tag, values);
	}

	return tags;
}

function cncxStrings(
	records: Uint8Array[],
	decoder: InstanceType<typeof TextDecoder>,
): Map<number, string> {
	const strings = new Map<number, string>();
	for (const [index, record] of records.entries()) {
		let at = 0;
		while (at < record.length) {
			const length = forwardInt(record, at);
			if (length.next === at) break;
			const end = Math.min(record.length, length.next + length.value);
			if (length.value > 0)
				strings.set(index * 0x1_00_00 + at, decoder.decode(record.subarray(length.next, end)));
			at = end;
		}
	}

	return strings;
}

/**
 * Reads the INDX table whose header is record `at` (its entries in the records after it, its
 * strings in the CNCX records after those). `record` answers an empty array past the file.
 */
export function readMobiIndex(
	record: (index: number) => Uint8Array,
	at: number,
	encoding: string,
): MobiIndex {
	const header = record(at);
	if (!isIndx(header)) return {entries: [], cncx: new Map()};
	const decoder = new TextDecoder(encoding);
	const recordCount = Math.min(u32(header, 24), 0x1_00_00);
	const {controlBytes, tags} = readTagx(header);
	const entries: IndexEntry[] = [];
	for (let index = 1; index <= recordCount; index++) {
		const data = record(at + index);
		if (!isIndx(data)) break;
		const idxt = u32(data, 20);
		const count = Math.min(u32(data, 24), Math.max(0, (data.length - idxt - 4) >> 1));
		for (let entry = 0; entry < count; entry++) {
			const start = u16(data, idxt + 4 + entry * 2);
			const end = entry + 1 < count ? u16(data, idxt + 4 + (entry + 1) * 2) : idxt;
			if (start >= end || end > data.length) continue;
			const labelLength = data[start]!;
			const label = decoder.decode(
				data.subarray(start + 1, Math.min(end, start + 1 + labelLength)),
			);
			const body = data.subarray(start + 1 + labelLength, end);
			entries.push({label, tags: entryTags(body, controlBytes, tags)});
		}
	}

	const cncxCount = Math.min(u32(header, 52), 0x1_00);
	const cncxRecords: Uint8Array[] = [];
	for (let index = 0; index < cncxCount; index++)
		cncxRecords.push(record(at + recordCount + 1 + index));
	return {entries, cncx: cncxStrings(cncxRecords, decoder)};
}
