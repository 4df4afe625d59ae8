// AO3's HTML download (and the same HTML inside AO3's EPUB): preface tags, chapters, notes, afterword.

import {
	chapterDraft,
	type ChapterDraft,
	type DraftBlock,
	type WorkDraft,
	emptyDraft,
} from '../work/draft.ts';
import {emptyMeta, type WorkMeta} from '../work/types.ts';
import {hasClass, htmlBlocks, type Element, type HtmlBlock, draftBlock} from './html-blocks.ts';

const tagKeys: Record<string, keyof WorkMeta> = {
	rating: 'rating',
	'archive warning': 'warnings',
	category: 'categories',
	fandom: 'fandoms',
	relationship: 'relationships',
	character: 'characters',
	'additional tags': 'tags',
	language: 'language',
	series: 'series',
	collections: 'tags',
};

const noteLabels: Record<string, NoteTarget> = {
	summary: 'summary',
	notes: 'notes',
	'end notes': 'endNotes',
	'chapter summary': 'chapterSummary',
	'chapter notes': 'chapterNotes',
	'chapter end notes': 'chapterEndNotes',
};

type NoteTarget =
	'summary' | 'notes' | 'endNotes' | 'chapterSummary' | 'chapterNotes' | 'chapterEndNotes';

const ao3WorkUrl = /archiveofourown\.org\/works\/(\d+)/;

export function looksLikeAo3Html(html: string): boolean {
	const head = html.slice(0, 200_000);
	return (
		ao3WorkUrl.test(head) &&
		/id="preface"|class="userstuff|toc-heading|Posted originally on the/.test(head)
	);
}

function labelKey(text: string): string {
	return text
		.replace(/[:：]\s*$/, '')
		.trim()
		.toLowerCase();
}

function parseStats(text: string, meta: WorkMeta): void {
	const pairs = text.split(
		/(?:^|\s)(Published|Updated|Completed|Words|Chapters|Comments|Kudos|Bookmarks|Hits):\s*/,
	);
	for (let index = 1; index + 1 < pairs.length; index += 2) {
		const value = pairs[index + 1]!.trim();
		switch (pairs[index]) {
			case 'Published': {
				meta.published = value;
				break;
			}

			case 'Updated': {
				meta.updated = value;
				break;
			}

			case 'Completed': {
				meta.completed = value;
				break;
			}

			case 'Words': {
				meta.words = Number(value.replace(/\D/g, '')) || undefined;
				break;
			}

			case 'Chapters': {
				meta.chapterCount = value;
				break;
			}

			default:
		}
	}
}

function setTag(meta: WorkMeta, label: string, value: string): void {
	if (label === 'stats') {
		parseStats(value, meta);
		return;
	}

	// Labels are plural when a work has several tags ("Fandoms:", "Categories:").
	const key =
		tagKeys[label] ?? tagKeys[label.replace(/ies$/, 'y')] ?? tagKeys[label.replace(/s$/, '')];
	if (!key) return;
	const target = meta[key];
	if (Array.isArray(target))
		target.push(
			...value
				.split(/,\s+/)
				.map((tag) => tag.trim())
				.filter(Boolean),
		);
	else (meta as Record<string, unknown>)[key] = value.trim();
}

function chapterTitle(text: string, number: number): string {
	return /^chapter\s+\d+/i.test(text) ? text : `Chapter ${number}: ${text}`;
}

/** Reads one HTML download, or the documents of an AO3 EPUB in spine order. */
export function parseAo3Html(
	documents: string | Iterable<string>,
	format: 'ao3-html' | 'ao3-epub' = 'ao3-html',
): WorkDraft {
	const meta = emptyMeta();
	const draft = emptyDraft(format, meta);
	let pendingLabel: string | undefined;
	let note: NoteTarget | undefined;
	let chapter: ChapterDraft | undefined;
	let documentTitle = '';
	let single: ChapterDraft | undefined;

	const noteList = (target: NoteTarget): DraftBlock[] => {
		switch (target) {
			case 'summary':
			case 'notes':
			case 'endNotes': {
				return draft[target];
			}

			case 'chapterSummary': {
				return (chapter ?? single ?? startSingle()).summary;
			}

			case 'chapterNotes': {
				return (chapter ?? single ?? startSingle()).notes;
			}

			case 'chapterEndNotes': {
				return (chapter ?? single ?? startSingle()).endNotes;
			}
		}
	};

	const startSingle = () => {
		single = chapterDraft('', [], false);
		draft.chapters.push(single);
		return single;
	};

	const onBlock = (block: HtmlBlock) => {
		for (const link of block.links) {
			const id = ao3WorkUrl.exec(link)?.[1];
			if (id && !meta.ao3Id) {
				meta.ao3Id = id;
				meta.sourceUrl = `https://archiveofourown.org/works/${id}`;
			}
		}

		const region = regionOf(block.ancestors);
		const inQuote = region.quote;
		if (note && inQuote) {
			noteList(note).push({
				...draftBlock(block),
				kind: block.kind === 'quote' ? 'paragraph' : block.kind,
			});
			return;
		}

		note = undefined;
		const inUserstuff = region.userstuff;
		if (block.tag === 'dt') {
			pendingLabel = labelKey(block.text);
			return;
		}

		if (block.tag === 'dd' && pendingLabel) {
			setTag(meta, pendingLabel, block.text);
			pendingLabel = undefined;
			return;
		}

		if (region.dl) return;
		if (
			block.tag === 'p' &&
			!inUserstuff &&
			noteLabels[block.text.toLowerCase().replace(/:$/, '')]
		) {
			note = noteLabels[block.text.toLowerCase().replace(/:$/, '')];
			return;
		}

		const inPreface = region.preface;
		const inAfterword = region.afterword;
		if (
			region.message ||
			isOwn(block, 'message') ||
			/^Posted originally on the Archive/.test(block.text)
		)
			return;
		if (block.kind === 'heading' && !inUserstuff) {
			if (block.level === 1 && !meta.title) {
				meta.title = block.text;
				return;
			}

			if (!inPreface && !inAfterword && block.level !== undefined && block.level <= 3) {
				chapter = chapterDraft(chapterTitle(block.text, draft.chapters.length + 1), []);
				draft.chapters.push(chapter);
				return;
			}

			return;
		}

		if (region.byline || isOwn(block, 'byline')) {
			const authors = block.text.replace(/^by\s+/i, '');
			meta.authors = authors === 'Anonymous' ? ['Anonymous'] : authors.split(/,\s+|\s+and\s+/);
			return;
		}

		// Calibre may rename the text's class, so inside #chapters everything else is the text.
		const inChapters = region.chapters;
		if (inPreface || inAfterword || (!inUserstuff && !inChapters)) return;
		const target = chapter ?? single ?? startSingle();
		target.body.push(draftBlock(block));
	};

	for (const html of typeof documents === 'string' ? [documents] : documents) {
		htmlBlocks(html, onBlock, {
			skip: (element) => hasClass(element, 'toc-heading') || hasClass(element, 'endnote-link'),
			onTitle: (title) => {
				documentTitle ||= title;
			},
		});
	}

	if (!meta.title) meta.title = documentTitle.split(' - ')[0]?.trim() ?? '';
	if (meta.authors.length === 0) {
		const byline = documentTitle.split(' - ')[1];
		if (byline) meta.authors = byline.split(/,\s+/);
	}

	if (single) {
		single.title = meta.title;
		single.showTitle = false;
	}

	return draft;
}

function isOwn(block: HtmlBlock, name: string): boolean {
	return block.element !== undefined && hasClass(block.element, name);
}

type Region = {
	quote: boolean;
	userstuff: boolean;
	dl: boolean;
	preface: boolean;
	afterword: boolean;
	chapters: boolean;
	message: boolean;
	byline: boolean;
};

// Blocks in one container share their ancestors array, so its region is worked out once.
const regions = new WeakMap<readonly Element[], Region>();

function regionOf(ancestors: readonly Element[]): Region {
	let region = regions.get(ancestors);
	if (region) return region;
	region = {
		quote: false,
		userstuff: false,
		dl: false,
		preface: false,
		afterword: false,
		chapters: false,
		message: false,
		byline: false,
	};
	for (const element of ancestors) {
		region.quote ||= element.tag === 'blockquote';
		// #chapters itself carries the userstuff class; the text is in the userstuff inside it.
		region.userstuff ||= hasClass(element, 'userstuff') && element.id !== 'chapters';
		region.dl ||= element.tag === 'dl';
		region.preface ||= element.id === 'preface';
		region.afterword ||= element.id === 'afterword';
		region.chapters ||= element.id === 'chapters';
		region.message ||= hasClass(element, 'message');
		region.byline ||= hasClass(element, 'byline');
	}

	regions.set(ancestors, region);
	return region;
}
