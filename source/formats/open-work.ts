// Opens a work from its bytes: EPUB or text, decoded, handed to the adapter whose shape it has,
// and assembled into a Work; fails with a LoadError that says why in one line.

import {assembleWork, identityIsComplete} from '../work/assemble.ts';
import {decodeText, isZip, LoadError} from '../work/decode.ts';
import {decodeLines, type FileLines} from '../work/decode-lines.ts';
import {sanitiseText} from '../work/sanitise.ts';
import type {Work} from '../work/types.ts';
import {fb2Bytes, parseFb2, parseFb2Start} from './fb2.ts';
import {epubPreviews, type EpubPreviews} from './epub.ts';
import {parseEpub, parseText, parseTextLines} from './index.ts';
import {isMobiBytes, parseMobi} from './mobi.ts';
import {ZipEntries} from './zip-entries.ts';

/** A PDF's header ("%PDF-1.7"), which may follow some junk within the first kilobyte. */
export function isPdf(bytes: Uint8Array): boolean {
	const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
	return /%PDF-\d\.\d/.test(head.toString('latin1'));
}

/** Files larger than this open from a preview of their start while the rest is read (EPUBs are compressed). */
const previewFromBytesOver = 2 * 1024 * 1024;
const previewFromZipOver = 512 * 1024;
/** How much of a text file its preview reads. */
export const previewBytes = 256 * 1024;
/**
 * An EPUB whose preview is refused is read whole at once when its documents unpack to no more than
 * this: as much as a text file read whole at once.
 */
const wholeHereUpTo = previewFromBytesOver;
const previewDocuments = [3, 12, 48];
/**
 * An EPUB's first try is one document: a chapter of a long work often holds the words that name
 * it, and parsing three took more than a whole 6,000-word work. Cover and title pages are short,
 * so trying three next costs little.
 */
const epubPreviewDocuments = [1, ...previewDocuments];

type PreviewZip = {
	/** The zip's directory, read once for the FB2 question and the EPUB. */
	files: () => ZipEntries;
	epub: () => EpubPreviews;
	/** The EPUB's previews if the zip has been read as one. */
	readAsEpub: () => EpubPreviews | undefined;
};

/** A zip read once however many previews are tried: its directory, then its EPUB package. */
function previewZip(bytes: Uint8Array): PreviewZip {
	let files: ZipEntries | undefined;
	let epub: EpubPreviews | undefined;
	const zip: PreviewZip = {
		files: () => (files ??= new ZipEntries(bytes)),
		epub: () => (epub ??= epubPreviews(bytes, zip.files())),
		readAsEpub: () => epub,
	};
	return zip;
}

/**
 * Whether the zip holds an EPUB's container, which rules out an FB2 archive (see fb2EntryInZip)
 * without fflate reading a directory of thousands of entries again. Unsure: no.
 */
function isEpubZip(zip: PreviewZip): boolean {
	try {
		return zip.files().hasEntryNamed('META-INF/container.xml');
	} catch {
		return false;
	}
}

function previewDraft(
	bytes: Uint8Array,
	path: string,
	documents: number,
	wholeLines = true,
	zip: PreviewZip = previewZip(bytes),
) {
	if (!(isZip(bytes) && isEpubZip(zip)) && fb2Bytes(bytes, 1))
		return parseFb2Start(bytes, previewBytes);
	if (isMobiBytes(bytes)) return parseMobi(bytes, path, documents);
	if (isZip(bytes)) return zip.epub().draft(documents);
	// An even length keeps UTF-16 whole; a UTF-8 character cut at the end is dropped with the last line.
	const text = decodeText(bytes.subarray(0, previewBytes)).text;
	const end = wholeLines ? previewEnd(text) : text.length;
	return parseText({text: sanitiseText(text.slice(0, end)), path});
}

/**
 * Where a preview's text stops: after its last whole line, or, in markup written on a few long
 * lines (HTML often is one line), after its last tag, so that such a file still opens on its start.
 */
function previewEnd(text: string): number {
	const line = text.lastIndexOf('\n') + 1;
	if (line > text.length / 2 || !text.trimStart().startsWith('<')) return line;
	return Math.max(line, text.lastIndexOf('>') + 1);
}

/**
 * The start of a large work, parsed on its own so that the first screen does not wait for the
 * whole file; its blocks are the first blocks of the whole work. Undefined for small files, and
 * for a start too short to hold the words that name the work: a preview under another id than the
 * whole work's would neither find nor keep the saved place. An EPUB whose start is too short but
 * whose documents are small is read whole here instead (not partial): the package the preview has
 * read is most of what the whole costs, and a worker would read it again.
 */
export function previewFromBytes(
	bytes: Uint8Array,
	path: string,
	/** The file's size, when `bytes` are only its start (see read-work-start.ts). */
	size = bytes.length,
): Work | undefined {
	if (isPdf(bytes)) return undefined;
	const parts = isZip(bytes) || isMobiBytes(bytes);
	if (!isLargeWork(bytes, size)) return undefined;
	// Each larger preview of an EPUB reads the first documents again, but not its package.
	const zip = previewZip(bytes);
	try {
		const tries = isZip(bytes) ? epubPreviewDocuments : parts ? previewDocuments : [0];
		for (const documents of tries) {
			const draft = previewDraft(bytes, path, documents, true, zip);
			const work = assembleWork(draft);
			if (!identityIsComplete(work)) continue;
			work.partial = true;
			return work;
		}

		const epub = zip.readAsEpub();
		if (epub && epub.documentBytes(wholeHereUpTo) <= wholeHereUpTo)
			return withText(assembleWork(epub.draft(Infinity)), path);
	} catch {
		// A start that does not parse on its own is no preview: the whole work is read instead.
	}

	return undefined;
}

/** How much of a text file a quick look reads: the library names files from their start. */
export const lookBytes = 64 * 1024;

/**
 * A work from the start of its file (text: the first `lookBytes`; a zip: whole, but only its first
 * documents inflated), marked partial: enough to describe a file in a list, in bounded time.
 */
export function workFromStart(bytes: Uint8Array, path: string): Work {
	// A file on one line (HTML often is) is looked at up to the cut rather than not at all.
	const work = assembleWork(previewDraft(bytes, path, previewDocuments[0]!, false));
	work.partial = true;
	return work;
}

/**
 * A work file's bytes, let go of by the opener once it no longer needs them; `decoded` is told
 * when a text has been decoded into strings that keep no view of them, so that their owner can
 * free them at once; `lines`, when a text is read line by line from them instead (see FileLines).
 */
export type FileHolder = {
	bytes?: Uint8Array;
	decoded?: () => void;
	lines?: (lines: FileLines) => void;
};

/** Decodes and parses; the text formats let go of the bytes once they are decoded or read. */
function draftOf(file: FileHolder, path: string) {
	if (!file.bytes || file.bytes.length === 0) throw new LoadError(`${path} is empty`);
	if (isPdf(file.bytes)) throw new LoadError(`${path} is a PDF, which only openWork reads`);
	const fb2 = fb2Bytes(file.bytes);
	if (fb2) {
		file.bytes = undefined;
		return parseFb2(fb2);
	}

	if (isMobiBytes(file.bytes)) {
		const draft = parseMobi(file.bytes, path);
		file.bytes = undefined;
		return draft;
	}

	if (isZip(file.bytes)) {
		const draft = parseEpub(file.bytes);
		file.bytes = undefined;
		return draft;
	}

	if (/\.epub$/i.test(path)) throw new LoadError(`${path} is not an EPUB: it is not a zip file`);
	const lines = decodeLines(file.bytes, file.decoded);
	if (lines) {
		file.bytes = undefined;
		file.lines?.(lines);
		return parseTextLines(lines, path);
	}

	const decoded = decodeText(file.bytes);
	file.bytes = undefined;
	file.decoded?.();
	const draft = parseText({text: sanitiseText(decoded.text), path});
	draft.warnings = [...decoded.warnings, ...draft.warnings];
	return draft;
}

export function workFromBytes(bytes: Uint8Array, path: string): Work {
	return workFromFile({bytes}, path);
}

/**
 * Parses a work from a holder of its bytes, and empties the holder once the bytes are decoded,
 * so that a large file's bytes and its text are not both kept while the work is built.
 */
export function workFromFile(file: FileHolder, path: string): Work {
	return withText(assembleWork(draftOf(file, path)), path);
}

function withText(work: Work, path: string): Work {
	if (work.blocks.every((block) => !block.text.trim()))
		throw new LoadError(`${path} holds no text`);
	return work;
}

/**
 * Opens a work of any format. A PDF is read asynchronously, by pdf.js, which is loaded only
 * then; every other format is read at once, as workFromFile does.
 */
export async function openWork(file: FileHolder, path: string): Promise<Work> {
	if (!file.bytes || !isPdf(file.bytes)) return workFromFile(file, path);
	const bytes = file.bytes;
	file.bytes = undefined;
	const {parsePdf} = await import('./pdf.ts');
	return withText(assembleWork(await parsePdf(bytes, path)), path);
}

/** Whether a work's file is large enough to be shown on a preview while the whole is read. */
export function isLargeWork(bytes: Uint8Array, size = bytes.length): boolean {
	return size > (isZip(bytes) || isMobiBytes(bytes) ? previewFromZipOver : previewFromBytesOver);
}

/**
 * What the reader shows first: a large work's preview (marked partial), or else the whole work.
 * A PDF's preview is its first pages, read by pdf.js until they hold the words that name the
 * work; a PDF of a few pages is read whole. With `wholeElsewhere`, a large work that has no
 * preview gives undefined, for the caller to read whole off this thread.
 */
export async function openingOf(file: {bytes?: Uint8Array}, path: string): Promise<Work>;
export async function openingOf(
	file: {bytes?: Uint8Array},
	path: string,
	options: {wholeElsewhere: boolean},
): Promise<Work | undefined>;
export async function openingOf(
	file: {bytes?: Uint8Array},
	path: string,
	{wholeElsewhere = false} = {},
): Promise<Work | undefined> {
	const bytes = file.bytes;
	if (!bytes) return workFromFile(file, path);
	if (!isPdf(bytes)) {
		const preview = previewFromBytes(bytes, path);
		// A whole work read here, as workFromFile does, lets go of the bytes.
		if (preview && !preview.partial) file.bytes = undefined;
		if (preview || !(wholeElsewhere && isLargeWork(bytes)))
			return preview ?? workFromFile(file, path);
		return undefined;
	}

	const {parsePdfStart} = await import('./pdf.ts');
	let preview: Work | undefined;
	const {draft, partial} = await parsePdfStart(bytes, path, (start) => {
		const work = assembleWork(start);
		if (identityIsComplete(work)) preview = work;
		return preview !== undefined;
	});
	if (partial && preview) {
		preview.partial = true;
		return preview;
	}

	file.bytes = undefined;
	return withText(assembleWork(draft), path);
}

export function openWorkBytes(bytes: Uint8Array, path: string): Promise<Work> {
	return openWork({bytes}, path);
}
