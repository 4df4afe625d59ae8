// Opens an EPUB: the zip (with caps on size and entries), the OPF package, the spine and the TOC.

import {posix} from 'node:path';
import {LoadError} from '../work/decode.ts';
import {decodeXml} from './epub-decode.ts';
import {navEntries, ncxEntries, type TocEntry} from './epub-toc.ts';
import {readPackage} from './epub-package.ts';
import {DamagedEntryError, ZipEntries} from './zip-entries.ts';
import {scanXml} from './xml-scan.ts';

export type {TocEntry} from './epub-toc.ts';

export type EpubPackage = {
	metadata: Record<string, string[]>;
	/** Spine documents in reading order, as paths inside the zip (not the nav document). */
	spine: string[];
	/** For a preview, whose `spine` is only the first documents: the whole spine. */
	wholeSpine?: string[];
	toc: TocEntry[];
	warnings: string[];
	/** Set once every spine document was found damaged: the whole book is unreadable, and why. */
	unreadable?: () => LoadError | undefined;
	text: (path: string, options?: {keep?: boolean}) => string;
	/** `/body[1]/DocFragment[N]`: KOReader's name for a spine document (N counts every itemref). */
	xpathRoot: (path: string) => string | undefined;
	/** The document KOReader names `DocFragment[N]`, read or not (see xpathRoot), if it is in the zip. */
	documentAt: (fragment: number) => string | undefined;
};

/** The package file the container names: its first rootfile's full-path. */
function rootfilePath(xml: string): string | undefined {
	let path: string | undefined;
	let found = false;
	scanXml(xml, {
		onopentag(name, attributes) {
			if (found || localName(name.toLowerCase()) !== 'rootfile') return;
			found = true;
			path = attributes['full-path'];
		},
	});
	return path;
}

function localName(name: string): string {
	return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

/** Resolves an href against a base path inside the zip, refusing paths that leave the zip's root. */
export function resolveInside(base: string, href: string): string {
	const raw = href.split('#')[0]!;
	let target = raw;
	try {
		target = decodeURIComponent(raw);
	} catch {
		// A malformed %-escape is taken as written.
	}

	const joined = posix.normalize(posix.join(posix.dirname(base), target));
	if (joined.startsWith('../') || joined === '..' || posix.isAbsolute(joined)) {
		throw new LoadError(`the EPUB points outside itself (${href})`);
	}

	return joined;
}

/** A path that joins its base's folder as it is: no escape, no `.`, `..` or empty part. */
const plainPath = /^(?!\.\.?(?:\/|$))(?:[^/#%]+\/(?!\.\.?(?:\/|$)))*[^/#%]+$/;

/**
 * resolveInside for many hrefs against one base, as fast as a string join for the plain ones:
 * path joins and normalising for each of 200,000 manifest items came to a tenth of the open.
 */
export function insideResolver(base: string): (href: string) => string {
	// Where a plain name lands: the folder, normalised, with its slash ('' for the zip's root).
	const probe = posix.normalize(posix.join(posix.dirname(base), 'x'));
	const direct = !(probe.startsWith('../') || posix.isAbsolute(probe));
	const prefix = probe.slice(0, -1);
	return (href) => {
		const hash = href.indexOf('#');
		const path = hash === -1 ? href : href.slice(0, hash);
		return direct && plainPath.test(path) ? prefix + path : resolveInside(base, href);
	};
}

/** Opens an EPUB; `maxDocuments` inflates only the first spine documents, for a preview. */
export function openEpub(bytes: Uint8Array, maxDocuments = Infinity): EpubPackage {
	return epubOpener(bytes)(maxDocuments);
}

/**
 * Reads an EPUB's container and package once; each call then gives the package with its first
 * `maxDocuments` spine documents inflated. A preview that tries 3, then 12, then 48 documents
 * reads a package of 200,000 items once, not three times.
 */
export function epubOpener(
	bytes: Uint8Array,
	files = new ZipEntries(bytes),
): (maxDocuments?: number) => EpubPackage {
	// A spine document that cannot be inflated is read as a note saying so, and the rest of the book
	// is read; the container, the package and the contents must be whole.
	const spineDocuments = new Set<string>();
	const damaged = new Map<string, DamagedEntryError>();
	const text = (path: string, options: {keep?: boolean} = {}) => {
		let data: Uint8Array | undefined;
		try {
			data = files.get(path, options.keep);
		} catch (error) {
			if (!(error instanceof DamagedEntryError) || !spineDocuments.has(path)) throw error;
			damaged.set(path, error);
			return damagedDocument(path);
		}

		if (!data) throw new LoadError(`the EPUB is missing ${path}`);
		return decodeXml(data);
	};

	const opfPath =
		(files.names.has('META-INF/container.xml')
			? rootfilePath(text('META-INF/container.xml'))
			: undefined) ?? [...files.names].find((name) => name.endsWith('.opf'));
	if (!opfPath) throw new LoadError('this EPUB has no package file (content.opf)');
	const {metadata, spine, fragments, nav, ncx, outside} = readPackage(
		text(opfPath),
		insideResolver(opfPath),
	);
	if (spine.length === 0)
		throw outside ?? new LoadError('this EPUB has no spine: no documents to read');
	// Counted, not listed: most of a spine of 200,000 items may be missing.
	let missing = 0;
	const firstMissing: string[] = [];
	for (const path of spine) {
		if (files.names.has(path)) continue;
		missing++;
		if (firstMissing.length < 3) firstMissing.push(path);
	}

	if (missing === spine.length)
		throw new LoadError(`the EPUB is missing its documents (${firstMissing[0]})`);

	let toc: TocEntry[] = [];
	// A contents entry that points outside the zip is left out, not the whole book.
	const resolver = (base: string) => {
		const inside = insideResolver(base);
		return (href: string) => {
			try {
				return inside(href) + fragment(href);
			} catch {
				return '';
			}
		};
	};

	if (nav && files.names.has(nav)) toc = navEntries(text(nav, {keep: true}), resolver(nav));
	if (toc.length === 0 && ncx && files.names.has(ncx)) toc = ncxEntries(text(ncx), resolver(ncx));

	// A few holes are named one by one; many are one line, not a screenful per missing document.
	const warnings =
		missing <= 3
			? firstMissing.map((path) => `the EPUB is missing ${path}; it was skipped`)
			: [
					`the EPUB is missing ${missing.toLocaleString('en')} documents (${firstMissing[0]}, …); they were skipped`,
				];
	// The nav document in the spine is the contents again, which the reader has of its own. (A
	// loop, not a filter: a closure here would keep the whole spine for as long as the package.)
	const present: string[] = [];
	for (const path of spine)
		if (files.names.has(path) && (path !== nav || spine.length === 1)) present.push(path);
	for (const path of present) spineDocuments.add(path);
	// Only the documents in the zip are named: one that is missing has no text to point into, and a
	// name for each of 200,000 missing ones would be kept for as long as the work is read.
	const numbers = new Map<string, number>();
	const documents = new Map<number, string>();
	for (const [index, path] of fragments.entries()) {
		if (!files.names.has(path)) continue;
		numbers.set(path, index + 1);
		documents.set(index + 1, path);
	}

	const xpathRoot = (path: string) => {
		const index = numbers.get(path);
		return index === undefined ? undefined : `/body[1]/DocFragment[${index}]`;
	};

	// Each document is inflated when it is read, not all at once: a long work's inflated documents
	// held together took 80 MB at 5M words, which the allocator then kept for good.
	return (maxDocuments = Infinity) => ({
		metadata,
		spine: present.slice(0, maxDocuments),
		wholeSpine: present,
		toc,
		text,
		// Read once the documents are: a damaged one is known only when it is inflated.
		get warnings() {
			return [
				...warnings,
				...[...damaged].map(
					([path, error]) => `the EPUB's ${path} is damaged (${error.why}); the rest was read`,
				),
			];
		},
		unreadable: () => (damaged.size === present.length ? damaged.values().next().value : undefined),
		xpathRoot,
		documentAt: (fragment: number) => documents.get(fragment),
	});
}

function fragment(href: string): string {
	const at = href.indexOf('#');
	return at === -1 ? '' : href.slice(at);
}

/** What stands for a damaged document: a note in its place, so that the reader sees the gap. */
function damagedDocument(path: string): string {
	const name = path.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
	return `<html><body><p>[This part of the book could not be read: ${name} is damaged.]</p></body></html>`;
}
