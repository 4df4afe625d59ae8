// MOBI (6), AZW3 (KF8) and PalmDOC files: the record table, the header, the KF8 half of a combined
// file, then the EPUB reading of the rebuilt parts (AO3, FanFicFare and generic books alike).

import {LoadError} from '../work/decode.ts';
import type {WorkDraft} from '../work/draft.ts';
import {sanitiseText} from '../work/sanitise.ts';
import type {EpubPackage} from './epub-container.ts';
import {parseEpubPackage} from './epub.ts';
import {parseText} from './index.ts';
import {openKf8} from './kf8-book.ts';
import {exthNumber, exthText, exthTexts, readMobiHeader, type MobiHeader} from './mobi-header.ts';
import {readPdb, type PdbFile} from './mobi-records.ts';
import {mobiTextBytes} from './mobi-text.ts';
import {mobi6ContentsPosition, openMobi6} from './mobi6-book.ts';

export {isMobiBytes} from './mobi-records.ts';

/** EXTH metadata under the OPF names that the EPUB reading knows. */
function metadataOf(header: MobiHeader): Record<string, string[]> {
	const metadata: Record<string, string[]> = {};
	const put = (key: string, values: string[]) => {
		if (values.length > 0) metadata[key] = values;
	};

	put('title', [exthText(header, 503) ?? header.title].filter(Boolean));
	put('creator', exthTexts(header, 100));
	put('publisher', exthTexts(header, 101));
	put('description', exthTexts(header, 103));
	put('subject', exthTexts(header, 105));
	put('date', exthTexts(header, 106));
	put('language', exthTexts(header, 524));
	// calibre writes `calibre:<uuid>` here; only an address names where the work came from.
	put(
		'source',
		exthTexts(header, 112).filter((source) => /^https?:/.test(source)),
	);
	return metadata;
}

/** Bytes of MOBI 6 text a preview reads for each document an EPUB preview would. */
const previewBytesPerDocument = 32 * 1024;

/**
 * A preview of a MOBI 6: the records of its start, and those at the end that hold calibre's
 * contents page (each record is compressed on its own), so that its chapters are the whole book's.
 */
function mobi6Start(pdb: PdbFile, header: MobiHeader, documents: number): EpubPackage {
	const text = mobiTextBytes(pdb, header, 1, {upTo: documents * previewBytesPerDocument});
	if (text.length >= header.textLength) return openMobi6(text, header.encoding, metadataOf(header));
	const position = mobi6ContentsPosition(text);
	const record = header.recordSize > 0 ? Math.floor(position / header.recordSize) : -1;
	const contents =
		record >= 0 && position >= text.length
			? {
					bytes: mobiTextBytes(pdb, header, 1, {fromRecord: record}),
					offset: record * header.recordSize,
				}
			: undefined;
	return openMobi6(text, header.encoding, metadataOf(header), {contents});
}

type Opened = {pkg: EpubPackage; format: 'mobi' | 'azw3'};

/** The KF8 header record of a combined MOBI 6 + KF8 file (EXTH 121, after a BOUNDARY record). */
function kf8Base(pdb: PdbFile, header: MobiHeader): number | undefined {
	const base = exthNumber(header, 121);
	if (base === undefined || base <= 0 || base >= pdb.count) return undefined;
	const boundary = pdb.record(base - 1);
	return String.fromCharCode(...boundary.subarray(0, 8)) === 'BOUNDARY' ? base : undefined;
}

function openMobi(bytes: Uint8Array, maxParts: number): Opened {
	const pdb = readPdb(bytes);
	const header = readMobiHeader(pdb.record(0));
	// DRM is refused before anything else is read.
	if (header.encryption !== 0) mobiTextBytes(pdb, header, 1, {upTo: 0});
	if (header.version === 8)
		return {pkg: openKf8(pdb, 0, header, metadataOf(header), maxParts), format: 'azw3'};
	const base = kf8Base(pdb, header);
	if (base !== undefined) {
		const kf8 = readMobiHeader(pdb.record(base));
		if (kf8.version === 8)
			return {pkg: openKf8(pdb, base, kf8, metadataOf(kf8), maxParts), format: 'mobi'};
	}

	if (Number.isFinite(maxParts)) return {pkg: mobi6Start(pdb, header, maxParts), format: 'mobi'};
	const text = mobiTextBytes(pdb, header, 1);
	return {pkg: openMobi6(text, header.encoding, metadataOf(header)), format: 'mobi'};
}

/** A PalmDOC (`TEXtREAd`) without a MOBI header holds plain text, read as any text file is. */
function palmDocText(bytes: Uint8Array, path: string): WorkDraft | undefined {
	const pdb = readPdb(bytes);
	const header = readMobiHeader(pdb.record(0));
	if (pdb.kind !== 'TEXtREAd' || header.version !== 0) return undefined;
	const text = new TextDecoder(header.encoding).decode(mobiTextBytes(pdb, header, 1));
	return parseText({text: sanitiseText(text.replaceAll('\r\n', '\n')), path});
}

/** Reads a MOBI, AZW3 or PalmDOC file; `maxParts` rebuilds only the first KF8 parts, for a preview. */
export function parseMobi(bytes: Uint8Array, path: string, maxParts = Infinity): WorkDraft {
	const text = palmDocText(bytes, path);
	if (text) return text;
	const {pkg, format} = openMobi(bytes, maxParts);
	if (pkg.spine.length === 0) throw new LoadError('this MOBI file holds no text');
	const draft = parseEpubPackage(pkg);
	draft.format = format;
	return draft;
}
