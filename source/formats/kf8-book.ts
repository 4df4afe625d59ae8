// A KF8 book (an AZW3, or the KF8 half of a combined MOBI) as an EPUB-like package of XHTML parts.

import type {EpubPackage, TocEntry} from './epub-container.ts';
import {kindlePackage} from './kindle-package.ts';
import {kf8Parts, firstFlow, type Kf8Part} from './kf8-parts.ts';
import {anchorPositions} from './mobi-anchors.ts';
import {noIndex, type MobiHeader} from './mobi-header.ts';
import {readMobiIndex, type MobiIndex} from './mobi-index.ts';
import type {PdbFile} from './mobi-records.ts';
import {mobiTextBytes} from './mobi-text.ts';

const partName = (index: number) => `part${String(index).padStart(4, '0')}.xhtml`;

/** The part holding flow position `position`, by binary search over the parts' starts. */
function partAt(parts: Kf8Part[], position: number): number {
	let low = 0;
	let high = parts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (parts[middle]!.start <= position) low = middle;
		else high = middle - 1;
	}

	return position >= (parts[low]?.start ?? 0) && position < (parts[low]?.end ?? 0) ? low : -1;
}

type Target = {part: number; offset: number};

function targetOf(
	tags: Map<number, number[]>,
	fragments: Array<{insertAt: number}>,
	parts: Kf8Part[],
): Target | undefined {
	const posFid = tags.get(6);
	if (!posFid || posFid.length < 2) return undefined;
	const fragment = fragments[posFid[0]!];
	if (!fragment) return undefined;
	const position = fragment.insertAt + posFid[1]!;
	const part = partAt(parts, position);
	return part === -1 ? undefined : {part, offset: position - parts[part]!.start};
}

/** The NCX entries with the place each points at; their depth from the heading level tag. */
function ncxTargets(ncx: MobiIndex, fragments: Array<{insertAt: number}>, parts: Kf8Part[]) {
	return ncx.entries.flatMap((entry) => {
		const target = targetOf(entry.tags, fragments, parts);
		if (!target) return [];
		const label = ncx.cncx.get(entry.tags.get(3)?.[0] ?? -1) ?? '';
		return [
			{label: label.replace(/\s+/g, ' ').trim(), depth: entry.tags.get(4)?.[0] ?? 0, ...target},
		];
	});
}

/**
 * Opens the KF8 book whose header record is `base`; `maxParts` rebuilds only the first parts
 * (and decompresses only the text they need), for a preview.
 */
export function openKf8(
	pdb: PdbFile,
	base: number,
	header: MobiHeader,
	metadata: Record<string, string[]>,
	maxParts = Infinity,
): EpubPackage {
	const record = (index: number) =>
		index === noIndex ? new Uint8Array(0) : pdb.record(base + index);
	const skeletons = readMobiIndex(record, header.skelIndex, header.encoding);
	const fragmentIndex = readMobiIndex(record, header.fragIndex, header.encoding);
	// A preview needs the text up to the end of its last skeleton's fragments, no further.
	const upTo = Number.isFinite(maxParts)
		? previewEnd(skeletons, fragmentIndex, maxParts)
		: Infinity;
	const text = mobiTextBytes(pdb, header, base + 1, {upTo});
	const flow = firstFlow(text, record(header.fdstIndex));
	const {parts, fragments} = kf8Parts(flow, skeletons, fragmentIndex, maxParts);
	const decoder = new TextDecoder(header.encoding);
	const ncx = ncxTargets(readMobiIndex(record, header.ncxIndex, header.encoding), fragments, parts);
	const guide = readMobiIndex(record, header.guideIndex, header.encoding);
	const tocPage = guide.entries.find((entry) => entry.label.toLowerCase() === 'toc');
	const skipped = tocPage ? targetOf(tocPage.tags, fragments, parts)?.part : undefined;

	const documents = new Map<string, string>();
	const toc: TocEntry[] = [];
	const byPart = new Map<number, number[]>();
	for (const [index, entry] of ncx.entries()) {
		const list = byPart.get(entry.part) ?? [];
		list.push(index);
		byPart.set(entry.part, list);
	}

	const hrefs: string[] = ncx.map(() => '');
	for (const [index, part] of parts.entries()) {
		const entries = byPart.get(index) ?? [];
		const anchored = anchorPositions(
			part.bytes,
			entries.map((entry) => ncx[entry]!.offset),
			decoder,
		);
		documents.set(partName(index), anchored.html);
		for (const [at, entry] of entries.entries())
			hrefs[entry] = partName(index) + (anchored.ids[at] ? `#${anchored.ids[at]}` : '');
	}

	for (const [index, entry] of ncx.entries())
		if (entry.part !== skipped)
			toc.push({label: entry.label, href: hrefs[index]!, depth: entry.depth});
	const spine = parts.map((_, index) => partName(index)).filter((_, index) => index !== skipped);
	return kindlePackage(metadata, spine, toc, documents);
}

function previewEnd(skeletons: MobiIndex, fragments: MobiIndex, maxParts: number): number {
	let fragmentCount = 0;
	let end = 0;
	for (const skeleton of skeletons.entries.slice(0, maxParts)) {
		fragmentCount += skeleton.tags.get(1)?.[0] ?? 0;
		end = Math.max(end, (skeleton.tags.get(6)?.[0] ?? 0) + (skeleton.tags.get(6)?.[1] ?? 0));
	}

	for (const fragment of fragments.entries.slice(0, fragmentCount))
		end += fragment.tags.get(6)?.[1] ?? 0;
	return end;
}
