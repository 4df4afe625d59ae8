// Reads an EPUB's package file (the OPF) in one streaming pass: its metadata, manifest and spine,
// without keeping a record of every element (a package of 200,000 items made 400,000 of them).

import type {LoadError} from '../work/decode.ts';
import {scanXml} from './xml-scan.ts';

export type PackageFile = {
	metadata: Record<string, string[]>;
	/** The linear spine documents in reading order, as paths inside the zip. */
	spine: string[];
	/**
	 * Every spine document once, linear or not, in the order of its first itemref: crengine's
	 * `DocFragment[N]` is the document at N - 1.
	 */
	fragments: string[];
	/** The manifest's navigation document and NCX, as paths inside the zip. */
	nav: string | undefined;
	ncx: string | undefined;
	/** The refusal of the first item whose href points outside the zip (such items are left out). */
	outside: LoadError | undefined;
};

/** How many of the innermost open elements gather the text inside them. */
const maxTextDepth = 8;
const ncxType = 'application/x-dtbncx+xml';

function localName(name: string): string {
	const lower = name.toLowerCase();
	return lower.includes(':') ? lower.slice(lower.indexOf(':') + 1) : lower;
}

/** A metadata element: its key, and its value once its text is read (a meta's content is known at once). */
type MetadataEntry = {key: string; text: string; content: string | undefined};

/** The manifest's items by id: their paths, and which of them are the nav or the NCX. */
type Manifest = {
	hrefs: Map<string, string>;
	/** Only the items that are a nav document or an NCX: a few, not one per item. */
	kinds: Map<string, {nav: boolean; ncx: boolean}>;
};

/** Reads the package; `inside` resolves an item's href to a path inside the zip, or throws. */
export function readPackage(xml: string, inside: (href: string) => string): PackageFile {
	const entries: MetadataEntry[] = [];
	/** The open elements, innermost last: the metadata entry each gathers text for, if any. */
	const open: Array<MetadataEntry | undefined> = [];
	let inMetadata = false;
	const manifest: Manifest = {hrefs: new Map(), kinds: new Map()};
	let outside: LoadError | undefined;
	let tocId: string | undefined;
	// Itemrefs are looked up once the whole manifest is read: an item may follow the spine.
	const idrefs: string[] = [];
	const nonLinear = new Set<number>();
	scanXml(xml, {
		onopentag(rawName, attributes) {
			const name = localName(rawName);
			let entry: MetadataEntry | undefined;
			if (name === 'metadata') inMetadata = true;
			if (name === 'manifest') inMetadata = false;
			if (inMetadata && name !== 'metadata') {
				const key = name === 'meta' ? (attributes['name'] ?? attributes['property'] ?? '') : name;
				const content = name === 'meta' ? attributes['content'] : undefined;
				if (key) {
					entry = {key, text: '', content};
					entries.push(entry);
				}
			}

			// Not only in their own sections: any item, itemref or spine element counts, as it did.
			if (name === 'item') {
				const refused = addItem(manifest, attributes, inside);
				outside ??= refused;
			} else if (name === 'itemref') {
				if (attributes['linear'] === 'no') nonLinear.add(idrefs.length);
				idrefs.push(attributes['idref'] ?? '');
			} else if (name === 'spine' && tocId === undefined) {
				tocId = attributes['toc'] ?? '';
			}

			open.push(entry);
		},
		ontext(data) {
			// Only the innermost open elements gather text, as a deeply nested file would otherwise
			// make this quadratic.
			for (let index = Math.max(0, open.length - maxTextDepth); index < open.length; index++) {
				const entry = open[index];
				if (entry) entry.text += data;
			}
		},
		onclosetag() {
			open.pop();
		},
	});

	const metadata: Record<string, string[]> = {};
	for (const {key, text, content} of entries) {
		const value = (content ?? text).trim();
		if (value) (metadata[key] ??= []).push(value);
	}

	return {
		metadata,
		...spineOf(idrefs, nonLinear, manifest.hrefs),
		...navAndNcx(manifest, tocId),
		outside,
	};
}

/** Adds an item to the manifest; an item that points outside the zip is left out, and returned as why. */
function addItem(
	manifest: Manifest,
	attributes: Record<string, string>,
	inside: (href: string) => string,
): LoadError | undefined {
	const {id, href} = attributes;
	if (!id || !href) return undefined;
	let resolved: string;
	try {
		resolved = inside(href);
	} catch (error) {
		return error as LoadError;
	}

	// A repeated id takes the later item, at the place of the first.
	manifest.hrefs.set(id, resolved);
	const properties = attributes['properties'];
	const nav = properties?.includes('nav') === true && properties.split(/\s+/).includes('nav');
	const ncx = attributes['media-type'] === ncxType;
	if (nav || ncx) manifest.kinds.set(id, {nav, ncx});
	else manifest.kinds.delete(id);
	return undefined;
}

function spineOf(
	idrefs: string[],
	nonLinear: Set<number>,
	hrefs: Map<string, string>,
): {spine: string[]; fragments: string[]} {
	const spine: string[] = [];
	// crengine makes a DocFragment for every itemref, linear="no" ones too, numbered from 1.
	const fragments: string[] = [];
	const seen = new Set<string>();
	for (const [index, idref] of idrefs.entries()) {
		const href = hrefs.get(idref);
		if (href === undefined) continue;
		if (!seen.has(href)) {
			seen.add(href);
			fragments.push(href);
		}

		if (!nonLinear.has(index)) spine.push(href);
	}

	return {spine, fragments};
}

/** The first nav item in manifest order, and the NCX the spine names or else the first one. */
function navAndNcx(
	{hrefs, kinds}: Manifest,
	tocId: string | undefined,
): {nav: string | undefined; ncx: string | undefined} {
	const found = {nav: undefined as string | undefined, ncx: hrefs.get(tocId ?? '')};
	if (kinds.size === 0) return found;
	// The manifest's own order, which a repeated id does not change.
	for (const [id, href] of hrefs) {
		const kind = kinds.get(id);
		if (!kind) continue;
		if (kind.nav) found.nav ??= href;
		if (kind.ncx) found.ncx ??= href;
		if (found.nav !== undefined && found.ncx !== undefined) break;
	}

	return found;
}
