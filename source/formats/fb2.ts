// FictionBook 2 (FB2): title-info as metadata, the main body's sections as chapters and parts,
// notes bodies as end notes; the text itself is read by the HTML block reader.

import {
	chapterDraft,
	type ChapterDraft,
	type DraftBlock,
	emptyDraft,
	type WorkDraft,
} from '../work/draft.ts';
import {isZip, LoadError} from '../work/decode.ts';
import {emptyMeta, type ChapterPart, type WorkMeta} from '../work/types.ts';
import {ao3WorkId, postedOriginally} from './ao3-vocabulary.ts';
import {decodeXml} from './epub-decode.ts';
import {fb2EntryInZip, inflateFb2} from './fb2-zip.ts';
import {readFb2, type Fb2Body, type Fb2Info, type Fb2Unit} from './fb2-read.ts';
import {htmlBlocks} from './html-blocks.ts';
import {draftBlock} from './html-draft-block.ts';

/** Whether the bytes are an FB2 document: its root element near the start, in any encoding FB2 uses. */
export function looksLikeFb2(bytes: Uint8Array): boolean {
	// UTF-16 puts a zero byte beside each ASCII one; dropping them leaves the markup readable.
	const head = String.fromCharCode(...bytes.subarray(0, 1024)).replaceAll('\0', '');
	return /^(\uFEFF|\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)?\s*(<\?xml[^>]*>\s*)?(<!--[^]*?-->\s*)*<([\w-]+:)?FictionBook[\s>]/.test(
		head,
	);
}

/** The FB2 document in the bytes, a bare one or the one in a `.fb2.zip`; `limit` keeps only its start. */
export function fb2Bytes(bytes: Uint8Array, limit?: number): Uint8Array | undefined {
	if (looksLikeFb2(bytes)) return limit === undefined ? bytes : bytes.subarray(0, limit);
	if (!isZip(bytes)) return undefined;
	const entry = fb2EntryInZip(bytes);
	return entry === undefined ? undefined : inflateFb2(bytes, entry, limit);
}

function blocksOf(html: string[]): DraftBlock[] {
	const blocks: DraftBlock[] = [];
	htmlBlocks(html.join(''), (block) => blocks.push(draftBlock(block)));
	return blocks;
}

const imageOnly = /^\[image(?::[^\]]*)?\]$/;

function hasText(blocks: DraftBlock[]): boolean {
	return blocks.some(
		(block) =>
			block.kind !== 'spacer' &&
			block.kind !== 'break' &&
			block.kind !== 'heading' &&
			!imageOnly.test(block.text),
	);
}

/** Calibre's FB2 (6.x, by files) has no titles: a chapter opens with its heading as a bold paragraph. */
function boldHeading(blocks: DraftBlock[]): string | undefined {
	const first = blocks.find((block) => block.kind !== 'spacer' && block.kind !== 'break');
	if (!first || first.kind !== 'paragraph' || first.text.length > 120) return undefined;
	const bold = first.styles?.some(
		(run) => run.style === 'bold' && run.start === 0 && run.end >= first.text.trimEnd().length,
	);
	return bold ? first.text.trim() : undefined;
}

function metaOf(info: Fb2Info, bodies: Fb2Body[]): WorkMeta {
	const meta = emptyMeta(info.title || bodies[0]?.title || '');
	meta.authors = info.authors;
	meta.tags = [
		...info.genres,
		...info.keywords
			.split(',')
			.map((word) => word.trim())
			.filter(Boolean),
	];
	if (info.language) meta.language = info.language;
	if (info.sequence) {
		const {name, number} = info.sequence;
		meta.series = number ? `Part ${number} of ${name}` : name;
	}

	if (/^\d{4}-\d\d-\d\d/.test(info.date)) meta.published = info.date.slice(0, 10);
	if (info.sourceUrl) meta.sourceUrl = info.sourceUrl;
	// A work converted from AO3's download keeps its preface, which names the work.
	const opening =
		bodies[0]?.units
			.slice(0, 2)
			.flatMap((unit) => unit.html)
			.join('') ?? '';
	const ao3 =
		ao3WorkId(info.sourceUrl) ?? (postedOriginally.test(opening) ? ao3WorkId(opening) : undefined);
	if (ao3) meta.ao3Id = ao3;
	return meta;
}

/** Chapters from the main body's sections: titled ones are chapters, or parts when they only hold others. */
function chaptersOf(units: Fb2Unit[], title: string): ChapterDraft[] {
	const chapters: ChapterDraft[] = [];
	let parts: ChapterPart[] = [];
	let carried: DraftBlock[] = [];
	for (const unit of units) {
		let blocks = blocksOf(unit.html);
		let heading = unit.title;
		if (!heading && !unit.continued) {
			heading = boldHeading(blocks) ?? '';
			if (heading) blocks = blocks.slice(blocks.findIndex((block) => block.text.trim()) + 1);
		}

		if (!heading) {
			// A document calibre split in two leaves an empty line where the second part begins.
			blocks = blocks.slice(
				Math.max(
					0,
					blocks.findIndex((block) => block.kind !== 'break'),
				),
			);
			const last = chapters.at(-1);
			if (last) for (const block of blocks) last.body.push(block);
			else if (hasText(blocks)) chapters.push(chapterDraft(title, [...carried, ...blocks], false));
			else carried = [...carried, ...blocks];
			if (chapters.length > 0) carried = [];
			continue;
		}

		if (unit.hasChildren && !hasText(blocks)) {
			parts.push({title: heading, depth: Math.max(0, unit.depth - 1)});
			continue;
		}

		const chapter = chapterDraft(heading, blocks);
		if (carried.length > 0) {
			chapter.showTitle = false;
			chapter.body = [...carried, {kind: 'heading', text: heading, center: true}, ...blocks];
			carried = [];
		}

		if (unit.depth > 1) chapter.depth = unit.depth - 1;
		if (parts.length > 0) chapter.parts = parts;
		parts = [];
		chapters.push(chapter);
	}

	for (const chapter of chapters) chapter.body = withoutStrayBreaks(chapter.body);
	return chapters;
}

/** An empty line at a chapter's edge, or beside another, is space, not a scene break. */
function withoutStrayBreaks(blocks: DraftBlock[]): DraftBlock[] {
	const kept: DraftBlock[] = [];
	for (const block of blocks) {
		if (block.kind === 'break' && (kept.length === 0 || kept.at(-1)!.kind === 'break')) continue;
		kept.push(block);
	}

	while (kept.at(-1)?.kind === 'break') kept.pop();
	return kept;
}

/** A notes body: each note's number before its text, as its reference shows it. */
function notesOf(body: Fb2Body): DraftBlock[] {
	const notes: DraftBlock[] = [];
	for (const unit of body.units) {
		const blocks = blocksOf(unit.html).filter((block) => block.kind !== 'break');
		const first = blocks.findIndex((block) => block.text.trim());
		if (unit.title && first !== -1) {
			const label = `[${unit.title.replace(/^\[(.*)\]$/, '$1')}] `;
			const block = blocks[first]!;
			blocks[first] = {
				...block,
				text: label + block.text,
				...(block.styles && {
					styles: block.styles.map((run) => ({
						...run,
						start: run.start + label.length,
						end: run.end + label.length,
					})),
				}),
			};
		}

		for (const block of blocks) notes.push(block);
	}

	return notes;
}

export function parseFb2(bytes: Uint8Array): WorkDraft {
	const {info, bodies} = readFb2(decodeXml(bytes));
	const main = bodies.filter((body, index) => index === 0 || !body.name);
	const meta = metaOf(info, main);
	const draft = emptyDraft('fb2', meta);
	draft.titlePage = Boolean(meta.title);
	if (info.annotation.length > 0) draft.summary = blocksOf(info.annotation);
	draft.chapters = chaptersOf(
		main.flatMap((body) => body.units),
		meta.title,
	);
	for (const body of bodies) {
		if (main.includes(body)) continue;
		for (const note of notesOf(body)) draft.endNotes.push(note);
	}

	return draft;
}

const paragraphEnd = new TextEncoder().encode('</p>');

/** The start of a large FB2 up to its last whole paragraph, for a preview. */
export function parseFb2Start(bytes: Uint8Array, limit: number): WorkDraft {
	const start = fb2Bytes(bytes, limit);
	if (!start) throw new LoadError('not an FB2 document');
	// `</p>` in ASCII bytes ends a paragraph in UTF-8 and the 8-bit encodings, not in UTF-16.
	for (let end = start.length - paragraphEnd.length; end > 0; end--) {
		if (paragraphEnd.every((byte, index) => start[end + index] === byte))
			return parseFb2(start.subarray(0, end + paragraphEnd.length));
	}

	throw new LoadError('the start of this FB2 holds no whole paragraph');
}
