// Opens an EPUB: the zip (with caps on size and entries), the OPF package, the spine and the TOC.

import {posix} from 'node:path';
import {unzipSync} from 'fflate';
import {Parser} from 'htmlparser2';
import {LoadError} from '../work/decode.ts';

/** Caps that keep a zip bomb from exhausting memory. */
const maxEntries = 10_000;
const maxEntryBytes = 128 * 1024 * 1024;
const maxTotalBytes = 512 * 1024 * 1024;

export type TocEntry = {label: string; href: string};

export type EpubPackage = {
	metadata: Record<string, string[]>;
	/** Spine documents in reading order, as paths inside the zip. */
	spine: string[];
	toc: TocEntry[];
	files: Map<string, Uint8Array>;
	warnings: string[];
	text: (path: string) => string;
};

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
	let entries = 0;
	let total = 0;
	let unpacked: Record<string, Uint8Array>;
	try {
		unpacked = unzipSync(bytes, {
			filter(file) {
				entries++;
				total += file.originalSize;
				if (entries > maxEntries) throw new LoadError(`the EPUB has more than ${maxEntries} files`);
				if (file.originalSize > maxEntryBytes || total > maxTotalBytes) {
					throw new LoadError('the EPUB unpacks to more than 512 MB; it may be a zip bomb');
				}

				return !file.name.endsWith('/');
			},
		});
	} catch (error) {
		if (error instanceof LoadError) throw error;
		throw new LoadError(`this EPUB is not a readable zip file (${(error as Error).message})`);
	}

	const files = new Map<string, Uint8Array>();
	let actual = 0;
	for (const [name, data] of Object.entries(unpacked)) {
		actual += data.length;
		if (actual > maxTotalBytes)
			throw new LoadError('the EPUB unpacks to more than 512 MB; it may be a zip bomb');
		files.set(name.replace(/^\/+/, ''), data);
	}

	return files;
}

type XmlElement = {name: string; attributes: Record<string, string>; text: string};

/** Every element of an XML document with its attributes and own text, in document order. */
function xmlElements(xml: string): XmlElement[] {
	const elements: XmlElement[] = [];
	const open: XmlElement[] = [];
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				const element = {name: name.toLowerCase(), attributes, text: ''};
				elements.push(element);
				open.push(element);
			},
			ontext(data) {
				for (const element of open) element.text += data;
			},
			onclosetag() {
				open.pop();
			},
		},
		{xmlMode: true, decodeEntities: true},
	);
	parser.write(xml);
	parser.end();
	return elements;
}

function localName(name: string): string {
	return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

/** Resolves an href against a base path inside the zip, refusing paths that leave the zip's root. */
export function resolveInside(base: string, href: string): string {
	const target = decodeURIComponent(href.split('#')[0]!);
	const joined = posix.normalize(posix.join(posix.dirname(base), target));
	if (joined.startsWith('../') || joined === '..' || posix.isAbsolute(joined)) {
		throw new LoadError(`the EPUB points outside itself (${href})`);
	}

	return joined;
}

export function openEpub(bytes: Uint8Array): EpubPackage {
	const files = unzip(bytes);
	const decoder = new TextDecoder('utf-8');
	const text = (path: string) => {
		const data = files.get(path);
		if (!data) throw new LoadError(`the EPUB is missing ${path}`);
		return decoder.decode(data);
	};

	const container = files.has('META-INF/container.xml')
		? xmlElements(text('META-INF/container.xml'))
		: [];
	const opfPath =
		container.find((element) => localName(element.name) === 'rootfile')?.attributes['full-path'] ??
		[...files.keys()].find((name) => name.endsWith('.opf'));
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
	for (const element of opf) {
		if (localName(element.name) !== 'item') continue;
		const {id, href} = element.attributes;
		if (!id || !href) continue;
		manifest.set(id, {
			href: resolveInside(opfPath, href),
			type: element.attributes['media-type'] ?? '',
			properties: element.attributes['properties'] ?? '',
		});
	}

	const spineElement = opf.find((element) => localName(element.name) === 'spine');
	const spine: string[] = [];
	for (const element of opf) {
		if (localName(element.name) !== 'itemref') continue;
		const item = manifest.get(element.attributes['idref'] ?? '');
		if (item && element.attributes['linear'] !== 'no') spine.push(item.href);
	}

	if (spine.length === 0) throw new LoadError('this EPUB has no spine: no documents to read');
	const missing = spine.filter((path) => !files.has(path));
	if (missing.length === spine.length)
		throw new LoadError(`the EPUB is missing its documents (${missing[0]})`);

	const toc: TocEntry[] = [];
	const nav = [...manifest.values()].find((item) => item.properties.split(/\s+/).includes('nav'));
	const ncx =
		manifest.get(spineElement?.attributes['toc'] ?? '') ??
		[...manifest.values()].find((item) => item.type === 'application/x-dtbncx+xml');
	if (nav && files.has(nav.href)) {
		let inToc = false;
		for (const element of xmlElements(text(nav.href))) {
			if (localName(element.name) === 'nav')
				inToc = /toc/.test(element.attributes['epub:type'] ?? element.attributes['type'] ?? 'toc');
			if (inToc && localName(element.name) === 'a' && element.attributes['href']) {
				toc.push({
					label: element.text.replace(/\s+/g, ' ').trim(),
					href:
						resolveInside(nav.href, element.attributes['href']) +
						fragment(element.attributes['href']),
				});
			}
		}
	} else if (ncx && files.has(ncx.href)) {
		let label = '';
		for (const element of xmlElements(text(ncx.href))) {
			const name = localName(element.name);
			if (name === 'text') label = element.text.replace(/\s+/g, ' ').trim();
			if (name === 'content' && element.attributes['src']) {
				toc.push({
					label,
					href:
						resolveInside(ncx.href, element.attributes['src']) +
						fragment(element.attributes['src']),
				});
			}
		}
	}

	const warnings = missing.map((path) => `the EPUB is missing ${path}; it was skipped`);
	return {metadata, spine: spine.filter((path) => files.has(path)), toc, files, text, warnings};
}

function fragment(href: string): string {
	const at = href.indexOf('#');
	return at === -1 ? '' : href.slice(at);
}
