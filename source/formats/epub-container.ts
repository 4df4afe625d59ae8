// Opens an EPUB: the zip (with caps on size and entries), the OPF package, the spine and the TOC.

import {posix} from 'node:path';
import {LoadError} from '../work/decode.ts';
import {decodeXml} from './epub-decode.ts';
import {navEntries, ncxEntries, type TocEntry} from './epub-toc.ts';
import {ZipEntries} from './zip-entries.ts';
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
	text: (path: string, options?: {keep?: boolean}) => string;
	/** `/body[1]/DocFragment[N]`: KOReader's name for a spine document (N counts every itemref). */
	xpathRoot: (path: string) => string | undefined;
	/** The document KOReader names `DocFragment[N]`, read or not (see xpathRoot). */
	documentAt: (fragment: number) => string | undefined;
};

/** How many of the innermost open elements gather the text inside them. */
const maxTextDepth = 8;

type XmlElement = {name: string; attributes: Record<string, string>; text: string};

/** Every element of an XML document with its attributes and own text, in document order. */
function xmlElements(xml: string): XmlElement[] {
	const elements: XmlElement[] = [];
	const open: XmlElement[] = [];
	scanXml(xml, {
		onopentag(name, attributes) {
			const element = {name: name.toLowerCase(), attributes, text: ''};
			elements.push(element);
			open.push(element);
		},
		ontext(data) {
			// Only the innermost open elements gather text: the outer ones' is never read, and
			// giving every open element each piece of text is quadratic in a deeply nested file.
			for (let index = Math.max(0, open.length - maxTextDepth); index < open.length; index++)
				open[index]!.text += data;
		},
		onclosetag() {
			open.pop();
		},
	});
	return elements;
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
	const text = (path: string, options: {keep?: boolean} = {}) => {
		const data = files.get(path, options.keep);
		if (!data) throw new LoadError(`the EPUB is missing ${path}`);
		return decodeXml(data);
	};

	const container = files.names.has('META-INF/container.xml')
		? xmlElements(text('META-INF/container.xml'))
		: [];
	const opfPath =
		container.find((element) => localName(element.name) === 'rootfile')?.attributes['full-path'] ??
		[...files.names].find((name) => name.endsWith('.opf'));
	if (!opfPath) throw new LoadError('this EPUB has no package file (content.opf)');
	const opf = xmlElements(text(opfPath));

	const metadata: Record<string, string[]> = {};
	let inMetadata = false;
	for (const element of opf) {
		const name = localName(element.name);
		if (name === 'metadata') inMetadata = true;
		if (name === 'manifest') inMetadata = false;
		if (!inMetadata || name === 'metadata') continue;
		const key =
			name === 'meta' ? (element.attributes['name'] ?? element.attributes['property'] ?? '') : name;
		const value = (
			name === 'meta' ? (element.attributes['content'] ?? element.text) : element.text
		).trim();
		if (key && value) (metadata[key] ??= []).push(value);
	}

	const manifest = new Map<string, {href: string; type: string; properties: string}>();
	let outside: LoadError | undefined;
	const inside = insideResolver(opfPath);
	for (const element of opf) {
		if (localName(element.name) !== 'item') continue;
		const {id, href} = element.attributes;
		if (!id || !href) continue;
		// An item that points outside the zip is dropped; the book is refused only if nothing is left.
		let resolved: string;
		try {
			resolved = inside(href);
		} catch (error) {
			outside ??= error as LoadError;
			continue;
		}

		manifest.set(id, {
			href: resolved,
			type: element.attributes['media-type'] ?? '',
			properties: element.attributes['properties'] ?? '',
		});
	}

	const spineElement = opf.find((element) => localName(element.name) === 'spine');
	const spine: string[] = [];
	// crengine makes a DocFragment for every itemref, linear="no" ones too, numbered from 1.
	const fragments = new Map<string, number>();
	for (const element of opf) {
		if (localName(element.name) !== 'itemref') continue;
		const item = manifest.get(element.attributes['idref'] ?? '');
		if (!item) continue;
		if (!fragments.has(item.href)) fragments.set(item.href, fragments.size + 1);
		if (element.attributes['linear'] !== 'no') spine.push(item.href);
	}

	if (spine.length === 0)
		throw outside ?? new LoadError('this EPUB has no spine: no documents to read');
	const missing = spine.filter((path) => !files.names.has(path));
	if (missing.length === spine.length)
		throw new LoadError(`the EPUB is missing its documents (${missing[0]})`);

	let toc: TocEntry[] = [];
	const nav = [...manifest.values()].find((item) => item.properties.split(/\s+/).includes('nav'));
	const ncx =
		manifest.get(spineElement?.attributes['toc'] ?? '') ??
		[...manifest.values()].find((item) => item.type === 'application/x-dtbncx+xml');
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

	if (nav && files.names.has(nav.href))
		toc = navEntries(text(nav.href, {keep: true}), resolver(nav.href));
	if (toc.length === 0 && ncx && files.names.has(ncx.href))
		toc = ncxEntries(text(ncx.href), resolver(ncx.href));

	// A few holes are named one by one; many are one line, not a screenful per missing document.
	const warnings =
		missing.length <= 3
			? missing.map((path) => `the EPUB is missing ${path}; it was skipped`)
			: [
					`the EPUB is missing ${missing.length.toLocaleString('en')} documents (${missing[0]}, …); they were skipped`,
				];
	// The nav document in the spine is the contents again, which the reader has of its own.
	const present = spine.filter(
		(path) => files.names.has(path) && (path !== nav?.href || spine.length === 1),
	);
	const xpathRoot = (path: string) => {
		const index = fragments.get(path);
		return index === undefined ? undefined : `/body[1]/DocFragment[${index}]`;
	};

	const documentAt = (fragment: number) => {
		for (const [path, index] of fragments) if (index === fragment) return path;
		return undefined;
	};

	// Each document is inflated when it is read, not all at once: a long work's inflated documents
	// held together took 80 MB at 5M words, which the allocator then kept for good.
	return (maxDocuments = Infinity) => ({
		metadata,
		spine: present.slice(0, maxDocuments),
		wholeSpine: present,
		toc,
		text,
		warnings: warnings.slice(),
		xpathRoot,
		documentAt,
	});
}

function fragment(href: string): string {
	const at = href.indexOf('#');
	return at === -1 ? '' : href.slice(at);
}
