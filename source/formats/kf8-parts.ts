// KF8 (AZW3) text flows and XHTML parts: FDST splits the text, SKEL and FRAG rebuild each part.

import type {MobiIndex} from './mobi-index.ts';

export type Kf8Part = {
	/** Where the part's bytes start and end in the text flow (the coordinates positions use). */
	start: number;
	end: number;
	bytes: Uint8Array;
};

export type Kf8Fragment = {insertAt: number};

function u32(data: Uint8Array, at: number): number {
	if (at + 4 > data.length) return 0;
	return new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(at);
}

/** The first flow (the XHTML); the others hold stylesheets and SVG, which a text reader skips. */
export function firstFlow(text: Uint8Array, fdst: Uint8Array): Uint8Array {
	if (fdst.length < 12 || String.fromCharCode(...fdst.subarray(0, 4)) !== 'FDST') return text;
	const tableAt = u32(fdst, 4);
	if (u32(fdst, 8) === 0 || tableAt + 8 > fdst.length) return text;
	const start = Math.min(u32(fdst, tableAt), text.length);
	const end = Math.min(u32(fdst, tableAt + 4), text.length);
	return end > start ? text.subarray(start, end) : text;
}

/** Inserts `piece` at byte `at` of a part kept as a list of slices; searching from the end, where inserts land. */
function insertPiece(pieces: Uint8Array[], length: number, at: number, piece: Uint8Array): void {
	let end = length;
	for (let index = pieces.length - 1; index >= 0; index--) {
		const current = pieces[index]!;
		const start = end - current.length;
		if (at >= start || index === 0) {
			const cut = Math.max(0, Math.min(current.length, at - start));
			pieces.splice(index, 1, current.subarray(0, cut), piece, current.subarray(cut));
			return;
		}

		end = start;
	}

	pieces.push(piece);
}

function joined(pieces: Uint8Array[], length: number): Uint8Array {
	const bytes = new Uint8Array(length);
	let at = 0;
	for (const piece of pieces) {
		bytes.set(piece, at);
		at += piece.length;
	}

	return bytes;
}

/**
 * The XHTML parts: each skeleton with its fragments inserted where the fragment table says. Offsets
 * and counts that point outside the text are clamped, never followed; `maxParts` stops early.
 */
export function kf8Parts(
	flow: Uint8Array,
	skeletons: MobiIndex,
	fragments: MobiIndex,
	maxParts = Infinity,
): {parts: Kf8Part[]; fragments: Kf8Fragment[]} {
	const fragmentList = fragments.entries.map((entry) => ({
		insertAt: Number.parseInt(entry.label, 10) || 0,
		length: entry.tags.get(6)?.[1] ?? 0,
	}));
	const parts: Kf8Part[] = [];
	let next = 0;
	for (const skeleton of skeletons.entries) {
		if (parts.length >= maxParts) break;
		const count = Math.min(skeleton.tags.get(1)?.[0] ?? 0, fragmentList.length - next);
		const start = Math.min(skeleton.tags.get(6)?.[0] ?? 0, flow.length);
		let read = Math.min(start + (skeleton.tags.get(6)?.[1] ?? 0), flow.length);
		const pieces = [flow.subarray(start, read)];
		let length = read - start;
		for (let index = 0; index < count; index++) {
			const fragment = fragmentList[next++]!;
			const piece = flow.subarray(read, Math.min(read + fragment.length, flow.length));
			read += piece.length;
			insertPiece(pieces, length, Math.max(0, fragment.insertAt - start), piece);
			length += piece.length;
		}

		parts.push({start, end: read, bytes: joined(pieces, length)});
	}

	return {parts, fragments: fragmentList};
}
