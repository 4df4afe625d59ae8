// EPUB files: AO3's (Calibre-split HTML download), FanFicFare's, and any other EPUB 2 or 3.

import {
	chapterDraft,
	type ChapterDraft,
	type DraftBlock,
	type WorkDraft,
	emptyDraft,
} from '../work/draft.ts';
import {emptyMeta, type WorkMeta} from '../work/types.ts';
import {parseAo3Html} from './ao3-html.ts';
import {ao3WorkId, postedOriginally} from './ao3-vocabulary.ts';
import {epubChapters, spineChapters} from './epub-chapters.ts';
import {epubOpener, openEpub, type EpubPackage} from './epub-container.ts';
import {applyFffLabel} from './fff-labels.ts';
import {ZipEntries} from './zip-entries.ts';
import {hasClass, htmlBlocks} from './html-blocks.ts';
import {draftBlock} from './html-draft-block.ts';

function metaFromOpf(pkg: EpubPackage): WorkMeta {
	const first = (key: string) => pkg.metadata[key]?.[0];
	const meta = emptyMeta(first('title') ?? '');
	meta.authors = pkg.metadata['creator'] ?? [];
	meta.language = first('language');
	meta.tags = pkg.metadata['subject'] ?? [];
	meta.series = first('calibre:series');
	meta.published = first('date')?.slice(0, 10);
	const source =
		first('source') ?? (pkg.metadata['identifier'] ?? []).find((id) => /^https?:/.test(id));
	if (source) meta.sourceUrl = source;
	const ao3 = ao3WorkId(source ?? '');
	if (ao3) meta.ao3Id = ao3;
	return meta;
}

function descriptionBlocks(pkg: EpubPackage): DraftBlock[] {
	const description = pkg.metadata['description']?.[0];
	if (!description) return [];
	const blocks: DraftBlock[] = [];
	// Plain text (FanFicFare's) keeps its paragraphs apart with blank lines; HTML (calibre's) with tags.
	const html = /<(?:p|div|br)\b/i.test(description)
		? description
		: description
				.split(/\n[ \t]*\n/)
				.map((paragraph) => `<p>${paragraph}</p>`)
				.join('');
	htmlBlocks(`<div>${html}</div>`, (block) => blocks.push(draftBlock(block)));
	return blocks;
}

function isAo3(pkg: EpubPackage, documents: string[]): boolean {
	// `documents` are the first few only: enough to recognise the shape.
	const source = pkg.metadata['source']?.[0] ?? '';
	const head = documents.slice(0, 2).join('');
	return (
		/archiveofourown\.org/.test(source) ||
		(ao3WorkId(head) !== undefined && postedOriginally.test(head))
	);
}

function isFff(pkg: EpubPackage, documents: string[]): boolean {
	return (
		(pkg.wholeSpine ?? pkg.spine).some((path) => /(^|\/)title_page\.xhtml$/.test(path)) ||
		documents.some((html) => html.includes('fff_chapter_title')) ||
		(pkg.metadata['contributor'] ?? []).some((name) => /FanFicFare/i.test(name))
	);
}

function* spineTexts(pkg: EpubPackage): Generator<{html: string; xpathRoot?: string}> {
	for (const path of pkg.spine) yield {html: pkg.text(path), xpathRoot: pkg.xpathRoot(path)};
}

function parseAo3Epub(pkg: EpubPackage): WorkDraft {
	// One document at a time, so that a long work's documents are never all decoded at once.
	const draft = parseAo3Html(spineTexts(pkg), 'ao3-epub');
	const opf = metaFromOpf(pkg);
	const {meta} = draft;
	meta.title ||= opf.title;
	if (meta.authors.length === 0) meta.authors = opf.authors;
	meta.ao3Id ??= opf.ao3Id;
	meta.sourceUrl ??= opf.sourceUrl;
	if (draft.summary.length === 0) draft.summary = descriptionBlocks(pkg);
	return draft;
}

function parseFffEpub(pkg: EpubPackage): WorkDraft {
	const meta = metaFromOpf(pkg);
	meta.tags = [];
	const draft = emptyDraft('fff-epub', meta);
	draft.summary = descriptionBlocks(pkg);
	for (const path of pkg.spine) {
		const html = pkg.text(path);
		if (/(^|\/)title_page\.xhtml$/.test(path)) {
			htmlBlocks(html, (block) => {
				for (const line of block.text.split('\n')) {
					const match = /^([A-Z][A-Za-z ]+):\s*(.*)$/.exec(line);
					if (match && match[1]!.toLowerCase() !== 'summary')
						applyFffLabel(meta, match[1]!, match[2]!);
				}
			});
			continue;
		}

		if (/(^|\/)toc_page\.xhtml$/.test(path)) continue;
		let chapter: ChapterDraft | undefined;
		const xpathRoot = pkg.xpathRoot(path);
		htmlBlocks(
			html,
			(block) => {
				const isTitle = block.element !== undefined && hasClass(block.element, 'fff_chapter_title');
				if (isTitle || (!chapter && block.kind === 'heading')) {
					chapter = chapterDraft(block.text, []);
					draft.chapters.push(chapter);
					return;
				}

				chapter ??= draft.chapters.at(-1) ?? pushChapter(draft, meta.title);
				const inNotes = block.ancestors.some((element) => hasClass(element, 'fff_chapter_notes'));
				(inNotes ? chapter.notes : chapter.body).push(draftBlock(block));
			},
			{xpathRoot},
		);
	}

	return draft;
}

function pushChapter(draft: WorkDraft, title: string): ChapterDraft {
	const chapter = chapterDraft(title, [], false);
	draft.chapters.push(chapter);
	return chapter;
}

function parseGenericEpub(pkg: EpubPackage): WorkDraft {
	const meta = metaFromOpf(pkg);
	const draft = emptyDraft('epub', meta);
	draft.summary = descriptionBlocks(pkg);
	const inBook = new Set(pkg.wholeSpine ?? pkg.spine);
	const hasContents = pkg.toc.some((entry) => inBook.has(entry.href.split('#')[0]!));
	draft.chapters = hasContents ? epubChapters(pkg, meta.title) : spineChapters(pkg, meta.title);
	return draft;
}

/** Reads an EPUB; `maxDocuments` reads only the first spine documents, for a quick preview. */
export function parseEpub(bytes: Uint8Array, maxDocuments = Infinity): WorkDraft {
	return parseEpubPackage(openEpub(bytes, maxDocuments));
}

export type EpubPreviews = {
	/** The first `maxDocuments` spine documents, parsed (Infinity: the whole work). */
	draft: (maxDocuments: number) => WorkDraft;
	/** What the spine's documents unpack to, as the zip declares it, counted up to `limit`. */
	documentBytes: (limit: number) => number;
};

/** Parses the first N documents of an EPUB, for several N, reading its package only once. */
export function epubPreviews(bytes: Uint8Array, files = new ZipEntries(bytes)): EpubPreviews {
	const open = epubOpener(bytes, files);
	return {
		draft: (maxDocuments) => parseEpubPackage(open(maxDocuments)),
		documentBytes(limit) {
			let total = 0;
			for (const path of open(0).wholeSpine ?? []) {
				total += files.size(path);
				if (total > limit) break;
			}

			return total;
		},
	};
}

/** Reads an opened package: an EPUB's, or one rebuilt from another format (MOBI, AZW3). */
export function parseEpubPackage(pkg: EpubPackage): WorkDraft {
	// The shape is told from the whole spine's first documents, so that a preview of one document
	// is read as the same kind of book as the whole.
	const documents = (pkg.wholeSpine ?? pkg.spine)
		.slice(0, 3)
		.map((path) => pkg.text(path, {keep: true}));
	// FanFicFare's EPUBs of AO3 works name AO3 too, so they are recognised first.
	const draft = isFff(pkg, documents)
		? parseFffEpub(pkg)
		: isAo3(pkg, documents)
			? parseAo3Epub(pkg)
			: parseGenericEpub(pkg);
	const unreadable = pkg.unreadable?.();
	if (unreadable) throw unreadable;
	// A loop, not push(...): a damaged book may warn once per spine item, more than a call takes.
	for (const warning of pkg.warnings) draft.warnings.push(warning);
	return draft;
}
