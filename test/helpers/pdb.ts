// Palm database pieces for test books, written as calibre writes them: PalmDOC compression, the
// record table, and MOBI/KF8 INDX tables (TAGX, entries, CNCX strings).

const encoder = new TextEncoder();

export function u32(value: number): number[] {
	return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

export function u16(value: number): number[] {
	return [(value >>> 8) & 0xff, value & 0xff];
}

/** A forward variable-width integer: 7 bits a byte, high bit on the last. */
function forwardInt(value: number): number[] {
	const bytes = [value & 0x7f];
	for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128))
		bytes.unshift(rest & 0x7f);
	bytes[bytes.length - 1]! |= 0x80;
	return bytes;
}

/** PalmDOC LZ77: back-references to the last 2047 bytes, space + letter pairs, literal runs. */
export function palmDocCompress(input: Uint8Array): Uint8Array {
	const out: number[] = [];
	const last = new Map<number, number>();
	let literals: number[] = [];
	const flush = () => {
		for (let at = 0; at < literals.length; at += 8) {
			const run = literals.slice(at, at + 8);
			if (run.length === 1 && (run[0] === 0 || (run[0]! >= 0x09 && run[0]! <= 0x7f)))
				out.push(run[0]!);
			else out.push(run.length, ...run);
		}

		literals = [];
	};

	let index = 0;
	while (index < input.length) {
		const key =
			index + 2 < input.length
				? (input[index]! << 16) | (input[index + 1]! << 8) | input[index + 2]!
				: -1;
		const previous = key === -1 ? undefined : last.get(key);
		if (key !== -1) last.set(key, index);
		if (previous !== undefined && index - previous <= 2047 && index - previous > 0) {
			let length = 3;
			while (
				length < 10 &&
				index + length < input.length &&
				input[previous + length] === input[index + length]
			)
				length++;
			flush();
			const pair = ((index - previous) << 3) | (length - 3) | 0x80_00;
			out.push(pair >> 8, pair & 0xff);
			index += length;
			continue;
		}

		const byte = input[index]!;
		const next = input[index + 1];
		if (byte === 0x20 && next !== undefined && next >= 0x40 && next <= 0x7f) {
			flush();
			out.push(next ^ 0x80);
			index += 2;
			continue;
		}

		literals.push(byte);
		index++;
	}

	flush();
	return Uint8Array.from(out);
}

/** Where each string starts in a CNCX record that holds them in this order. */
export function cncxOffsets(strings: string[]): number[] {
	let at = 0;
	return strings.map((text) => {
		const start = at;
		const length = encoder.encode(text).length;
		at += forwardInt(length).length + length;
		return start;
	});
}

export type TagValues = Record<number, number[]>;

/** An INDX table: header record (with TAGX), one record of entries, and a CNCX record of strings. */
export function indexRecords(
	tags: Array<[tag: number, values: number]>,
	entries: Array<{label: string; tags: TagValues}>,
	strings: string[] = [],
): {records: Uint8Array[]; cncx: number[]} {
	const tagx = [0x54, 0x41, 0x47, 0x58, ...u32(12 + 4 * (tags.length + 1)), ...u32(1)];
	for (const [index, [tag, values]] of tags.entries()) tagx.push(tag, values, 1 << index, 0);
	tagx.push(0, 0, 0, 1);
	const header = new Array<number>(192).fill(0);
	header.splice(0, 4, 0x49, 0x4e, 0x44, 0x58);
	header.splice(4, 4, ...u32(192));
	header.splice(24, 4, ...u32(1));
	header.splice(28, 4, ...u32(65_001));
	header.splice(36, 4, ...u32(entries.length));
	header.splice(52, 4, ...u32(strings.length > 0 ? 1 : 0));
	header.splice(180, 4, ...u32(192));
	const body: number[] = [];
	const offsets: number[] = [];
	for (const entry of entries) {
		offsets.push(192 + body.length);
		const label = encoder.encode(entry.label);
		let control = 0;
		const values: number[] = [];
		for (const [index, [tag]] of tags.entries()) {
			const list = entry.tags[tag];
			if (!list) continue;
			control |= 1 << index;
			for (const value of list) values.push(...forwardInt(value));
		}

		body.push(label.length, ...label, control, ...values);
	}

	const idxt = 192 + body.length;
	const record = new Array<number>(192).fill(0);
	record.splice(0, 4, 0x49, 0x4e, 0x44, 0x58);
	record.splice(4, 4, ...u32(192));
	record.splice(20, 4, ...u32(idxt));
	record.splice(24, 4, ...u32(entries.length));
	record.push(...body, 0x49, 0x44, 0x58, 0x54);
	for (const offset of offsets) record.push(...u16(offset));
	const cncx: number[] = [];
	const cncxBytes: number[] = [];
	for (const text of strings) {
		cncx.push(cncxBytes.length);
		const bytes = encoder.encode(text);
		cncxBytes.push(...forwardInt(bytes.length), ...bytes);
	}

	const records = [Uint8Array.from([...header, ...tagx]), Uint8Array.from(record)];
	if (strings.length > 0) records.push(Uint8Array.from(cncxBytes));
	return {records, cncx};
}

/** A Palm database of `records` whose type and creator are `kind` (8 characters). */
export function pdb(kind: string, records: Uint8Array[]): Uint8Array {
	const headerLength = 78 + records.length * 8 + 2;
	const total = records.reduce((sum, record) => sum + record.length, headerLength);
	const bytes = new Uint8Array(total);
	bytes.set(encoder.encode('ficterm test'), 0);
	bytes.set(encoder.encode(kind), 60);
	bytes.set(u16(records.length), 76);
	let at = headerLength;
	for (const [index, record] of records.entries()) {
		bytes.set(u32(at), 78 + index * 8);
		bytes.set(u32(index * 2), 78 + index * 8 + 4);
		bytes.set(record, at);
		at += record.length;
	}

	return bytes;
}
