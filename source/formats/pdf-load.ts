// Reads a PDF's text items, outline and metadata with pdf.js, which is loaded only when a PDF is opened.

import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import {LoadError} from '../work/decode.ts';
import type {PdfDocument, PdfItem, PdfOutlineEntry, PdfPage} from './pdf-document.ts';

type Pdfjs = typeof PdfjsModule;
type PdfjsDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type PdfjsPage = Awaited<ReturnType<PdfjsDocument['getPage']>>;

/** More pages than any novel has: a file that claims more is read this far, and says so. */
const maxPages = 50_000;
/** Outline entries beyond these are ignored: a hostile outline can nest or repeat without end. */
const maxOutlineDepth = 8;
const maxOutlineEntries = 10_000;

/**
 * A folder of pdf.js's data (Adobe's CMaps, the standard fonts' metrics), as a path ending in a
 * separator: beside the bundle in dist/ (the build copies it there), else in the package.
 */
function pdfjsData(name: 'cmaps' | 'standard_fonts'): string | undefined {
	const bundled = fileURLToPath(new URL(`./pdfjs/${name}/`, import.meta.url));
	if (existsSync(bundled)) return bundled;
	try {
		const manifest = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
		return join(dirname(manifest), name) + sep;
	} catch {
		return undefined;
	}
}

let loaded: Promise<Pdfjs> | undefined;

/**
 * pdf.js and its worker, run on this thread (its "fake worker", which it finds on `globalThis`
 * instead of importing a file by path, so that the bundle needs no file beside it). At import,
 * pdf.js looks for a canvas package to draw with and warns on stderr when there is none; ficterm
 * draws nothing, and a warning would be written over the reader's screen.
 */
function loadPdfjs(): Promise<Pdfjs> {
	loaded ??= (async () => {
		const warn = console.warn;
		console.warn = () => {};
		try {
			const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
			const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
			(globalThis as {pdfjsWorker?: unknown}).pdfjsWorker = worker;
			return pdfjs;
		} finally {
			console.warn = warn;
		}
	})();
	return loaded;
}

type Font = {bold: boolean; italic: boolean};

/** Bold and italic from the font's name ("ABCDEF+LiberationSerif-BoldItalic", "Times-Italic"). */
function fontOf(name: string | undefined): Font {
	return {
		bold: /bold|black|heavy|semibold|demi/i.test(name ?? ''),
		italic: /italic|oblique|kursiv/i.test(name ?? ''),
	};
}

/** Text content names its fonts but not their names; those arrive once a page's drawing is read. */
async function pageFonts(page: PdfjsPage, names: string[], fonts: Map<string, Font>) {
	if (names.every((name) => fonts.has(name))) return;
	await page.getOperatorList();
	for (const name of names) {
		if (fonts.has(name)) continue;
		const font = page.commonObjs.has(name)
			? (page.commonObjs.get(name) as {name?: string} | undefined)
			: undefined;
		fonts.set(name, fontOf(font?.name));
	}
}

async function readPage(page: PdfjsPage, fonts: Map<string, Font>): Promise<PdfPage> {
	const content = await page.getTextContent();
	await pageFonts(page, Object.keys(content.styles), fonts);
	const items: PdfItem[] = [];
	for (const item of content.items) {
		if (!('str' in item) || !item.str) continue;
		const [a, b, c, d, x, y] = item.transform as number[];
		// Rotated or vertical text (a margin note, a stamp) is not part of the reading text.
		if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01 || a! <= 0 || d! <= 0) continue;
		const font = fonts.get(item.fontName) ?? {bold: false, italic: false};
		items.push({text: item.str, x: x!, y: y!, width: item.width, size: d!, ...font});
	}

	const [left = 0, bottom = 0, right = 612, top = 792] = page.view;
	page.cleanup();
	return {items, width: right - left, height: top - bottom};
}

type OutlineNode = {title: string; dest: unknown; items: OutlineNode[]};

async function destinationPlace(
	document: PdfjsDocument,
	dest: unknown,
): Promise<{page: number; y?: number} | undefined> {
	const explicit = typeof dest === 'string' ? await document.getDestination(dest) : dest;
	if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
	const target = explicit[0] as unknown;
	const page =
		typeof target === 'number'
			? target
			: await document.getPageIndex(target as Parameters<PdfjsDocument['getPageIndex']>[0]);
	const mode = (explicit[1] as {name?: string} | undefined)?.name;
	const top =
		mode === 'XYZ' ? explicit[3] : mode === 'FitH' || mode === 'FitBH' ? explicit[2] : undefined;
	return {page, y: typeof top === 'number' ? top : undefined};
}

/** The outline in reading order of its entries, depth first, each resolved to its page. */
async function readOutline(document: PdfjsDocument): Promise<PdfOutlineEntry[]> {
	const top = (await document.getOutline()) as OutlineNode[] | null;
	const entries: PdfOutlineEntry[] = [];
	const stack: Array<{node: OutlineNode; depth: number}> = (top ?? [])
		.map((node) => ({node, depth: 0}))
		.reverse();
	while (stack.length > 0 && entries.length < maxOutlineEntries) {
		const {node, depth} = stack.pop()!;
		try {
			const place = await destinationPlace(document, node.dest);
			if (place) entries.push({title: node.title.trim(), depth, ...place});
		} catch {
			// A destination that leads nowhere is no chapter start.
		}

		if (depth + 1 < maxOutlineDepth)
			for (const child of [...(node.items ?? [])].reverse())
				stack.push({node: child, depth: depth + 1});
	}

	return entries;
}

function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (Array.isArray(value)) return textOf(value[0]);
	return undefined;
}

async function readMetadata(document: PdfjsDocument) {
	const {info, metadata} = await document.getMetadata();
	const fields = info as Record<string, unknown>;
	const xmp = (name: string) => metadata?.get(name) as unknown;
	const creators = xmp('dc:creator');
	const author = textOf(fields['Author']);
	const subjects = xmp('dc:subject');
	const keywords = textOf(fields['Keywords']);
	return {
		title: textOf(xmp('dc:title')) ?? textOf(fields['Title']),
		authors: Array.isArray(creators)
			? creators.map(String).filter((name) => name.trim())
			: author
				? author.split(/\s+&\s+/)
				: [],
		language: textOf(xmp('dc:language')) ?? textOf(fields['Language']),
		subjects: Array.isArray(subjects)
			? subjects.map(String)
			: keywords
				? keywords.split(/\s*[,;]\s*/)
				: [],
	};
}

function loadErrorOf(error: unknown, path: string): LoadError {
	const name = (error as {name?: string}).name;
	if (name === 'PasswordException') return new LoadError(`${path} is protected by a password`);
	// Whatever else pdf.js cannot read (a broken cross-reference table, a bad stream) is the file's fault.
	return new LoadError(
		`${path} is not a readable PDF: ${error instanceof Error ? error.message : String(error)}`,
	);
}

/** Pages read at first for a preview, then twice as many each time until it has enough. */
const firstBatch = 8;

/**
 * The pages a preview holds so far, and the outline entries that lead into them: an entry past
 * them would start an empty chapter, and many such entries would read as no chapters at all.
 */
function documentSoFar(document: PdfDocument): PdfDocument {
	const read = document.pages.length;
	return {...document, outline: document.outline.filter((entry) => entry.page < read)};
}

/**
 * Reads a PDF: its outline and metadata, then its pages. With `enough`, the pages are read in
 * growing batches until `enough` accepts what is read so far (a preview: `partial` is then
 * true), or until the last page.
 */
export async function loadPdf(
	bytes: Uint8Array,
	path: string,
	enough?: (document: PdfDocument) => boolean,
): Promise<PdfDocument & {partial: boolean}> {
	const pdfjs = await loadPdfjs();
	// pdf.js takes the bytes over (it detaches their buffer) and refuses a Buffer: it is given a copy.
	const task = pdfjs.getDocument({
		data: new Uint8Array(bytes),
		verbosity: 0,
		disableFontFace: true,
		fontExtraProperties: true,
		useSystemFonts: false,
		stopAtErrors: false,
		// Text in a CJK font that the PDF only names is in codes of a predefined CMap
		// (UniJIS-UCS2-H, UniGB-UCS2-H, …): without Adobe's CMaps it reads as no text at all.
		cMapUrl: pdfjsData('cmaps'),
		cMapPacked: true,
		standardFontDataUrl: pdfjsData('standard_fonts'),
	});
	try {
		const document = await task.promise.catch((error: unknown) => {
			throw loadErrorOf(error, path);
		});
		const warnings: string[] = [];
		const count = Math.min(document.numPages, maxPages);
		if (document.numPages > maxPages)
			warnings.push(`only the first ${maxPages} of ${document.numPages} pages were read`);
		const outline = await readOutline(document).catch(() => []);
		const meta = await readMetadata(document).catch(() => ({authors: [], subjects: []}));
		const fonts = new Map<string, Font>();
		const pages: PdfPage[] = [];
		const read = {pages, outline, warnings, ...meta};
		let batchEnd = enough ? firstBatch : count;
		for (let number = 1; number <= count; number++) {
			try {
				pages.push(await readPage(await document.getPage(number), fonts));
			} catch {
				warnings.push(`the PDF breaks off at page ${number} of ${document.numPages}`);
				break;
			}

			if (number === batchEnd && number < count) {
				if (enough?.(documentSoFar(read))) return {...documentSoFar(read), partial: true};
				batchEnd *= 2;
			}
		}

		return {...read, partial: false};
	} finally {
		await task.destroy();
	}
}
