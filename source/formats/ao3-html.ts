// AO3's HTML download (and the same HTML inside AO3's EPUB): preface tags, chapters, notes, afterword.

import {
	chapterDraft,
	type ChapterDraft,
	type DraftBlock,
	type WorkDraft,
	emptyDraft,
} from '../work/draft.ts';
import {emptyMeta} from '../work/types.ts';
import {
	addAo3Value,
	ao3Authors,
	ao3Label,
	ao3Series,
	ao3WorkId,
	downloadNoteLabels,
	type DownloadNote,
	postedOriginally,
	setAo3WorkId,
} from './ao3-vocabulary.ts';
import {deepNestingWarning} from './bounded-parser.ts';
import {hasClass, htmlBlocks, type Element, type HtmlBlock} from './html-blocks.ts';
import {draftBlock} from './html-draft-block.ts';

export function looksLikeAo3Html(html: string): boolean {
	const head = html.slice(0, 200_000);
	return (
		ao3WorkId(head) !== undefined &&
		/id="preface"|class="userstuff|toc-heading|Posted originally on the/.test(head)
	);
}

function noteLabel(text: string): DownloadNote | undefined {
	const key = text.toLowerCase().replace(/:$/, '');
	return Object.hasOwn(downloadNoteLabels, key)
		? downloadNoteLabels[key as keyof typeof downloadNoteLabels]
		: undefined;
}

function chapterTitle(text: string, number: number): string {
	return /^chapter\s+\d+/i.test(text) ? text : `Chapter ${number}: ${text}`;
}

/** AO3's hidden headings and the link to the end notes: left out with everything inside them. */
export const ao3Skipped = (element: Element): boolean =>
	hasClass(element, 'toc-heading') || hasClass(element, 'endnote-link');

/** Reads one HTML download, or the documents of an AO3 EPUB in spine order (with their XPointer roots). */
export function parseAo3Html(
	documents: string | Iterable<string | {html: string; xpathRoot?: string}>,
	format: 'ao3-html' | 'ao3-epub' = 'ao3-html',
): WorkDraft {
	const meta = emptyMeta();
	const draft = emptyDraft(format, meta);
	let pendingLabel: string | undefined;
	let note: DownloadNote | undefined;
	let chapter: ChapterDraft | undefined;
	let documentTitle = '';
	let single: ChapterDraft | undefined;

	const noteList = (target: DownloadNote): DraftBlock[] => {
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
			const id = ao3WorkId(link);
			if (id && !meta.ao3Id) setAo3WorkId(meta, id);
		}

		const region = regionOf(block.ancestors);
		const inQuote = region.quote;
		if (note && inQuote) {
			// Changed in place, not spread: a stored text (text-store.ts) is not an own property.
			const drafted = draftBlock(block);
			if (drafted.kind === 'quote') drafted.kind = 'paragraph';
			noteList(note).push(drafted);
			return;
		}

		note = undefined;
		const inUserstuff = region.userstuff;
		if (block.tag === 'dt') {
			pendingLabel = ao3Label(block.text);
			return;
		}

		if (block.tag === 'dd' && pendingLabel) {
			addAo3Value(meta, pendingLabel, block.text);
			pendingLabel = undefined;
			return;
		}

		if (region.dl) return;
		const label = block.tag === 'p' && !inUserstuff ? noteLabel(block.text) : undefined;
		if (label) {
			note = label;
			return;
		}

		const inPreface = region.preface;
		const inAfterword = region.afterword;
		// Calibre's AZW3 renames classes by style, so the text of a chapter can carry `message` too.
		const message = (region.message || isOwn(block, 'message')) && !region.chapters;
		if (message || postedOriginally.test(block.text)) return;
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
			// Under a chapter's heading it is that chapter's byline ("Chapter by …"), not the work's.
			if (!region.chapters) meta.authors = ao3Authors(block.text);
			return;
		}

		// Calibre may rename the text's class, so inside #chapters everything else is the text.
		const inChapters = region.chapters;
		if (inPreface || inAfterword || (!inUserstuff && !inChapters)) return;
		const target = chapter ?? single ?? startSingle();
		target.body.push(draftBlock(block));
	};

	let dropped = 0;
	for (const document of typeof documents === 'string' ? [documents] : documents) {
		const {html, xpathRoot} = typeof document === 'string' ? {html: document} : document;
		dropped += htmlBlocks(html, onBlock, {
			xpathRoot,
			skip: ao3Skipped,
			onTitle: (title) => {
				documentTitle ||= title;
			},
		});
	}

	if (dropped > 0) draft.warnings.push(deepNestingWarning(dropped));
	if (!meta.title) meta.title = documentTitle.split(' - ')[0]?.trim() ?? '';
	if (meta.authors.length === 0) {
		const byline = documentTitle.split(' - ')[1];
		if (byline) meta.authors = byline.split(/,\s+/);
	}

	if (meta.series) meta.series = ao3Series(meta.series);
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
