// An AO3 work page saved from the browser, whole or as a fragment of its markup: the work without the site.

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
	ao3LinkWorkId,
	ao3Series,
	ao3WorkId,
	lockIcons,
	setAo3WorkId,
} from './ao3-vocabulary.ts';
import {deepNestingWarning} from './bounded-parser.ts';
import {htmlBlocks, type HtmlBlock} from './html-blocks.ts';
import {draftBlock} from './html-draft-block.ts';
import {type PageRegion, pageRegionOf, stepPageRegion} from './ao3-page-regions.ts';

/** Whether HTML (a whole page or a fragment) has the markup of an AO3 work page. */
export function looksLikeAo3Page(html: string): boolean {
	const head = html.slice(0, 300_000);
	return (
		head.includes('class="work meta group"') ||
		(head.includes('id="workskin"') && head.includes('class="preface group"'))
	);
}

/** Markup that starts with an element but not with a document (copied from the page's source). */
export function looksLikeAo3PageFragment(text: string): boolean {
	return (
		/^\s*(<!--[^]*?-->\s*)*<[a-z][a-z\d]*[\s>]/i.test(text.slice(0, 4000)) && looksLikeAo3Page(text)
	);
}

// A browser that saves a page notes where it came from ("saved from url=(0047)https://…").
const savedFrom = /<!-- saved from url=\(\d+\)(\S+) -->/;

function noteBlock(block: HtmlBlock): DraftBlock {
	const result = draftBlock(block);
	// Notes sit in a blockquote on the page; the Work shows them as the download does, as paragraphs.
	if (result.kind === 'quote') result.kind = 'paragraph';
	return result;
}

/** A tag list item's text, without the bullet that list items are given. */
function itemText(block: HtmlBlock): string {
	return block.kind === 'list-item' ? block.text.replace(/^• /, '') : block.text;
}

export function parseAo3Page(html: string): WorkDraft {
	const meta = emptyMeta();
	const draft = emptyDraft('ao3-html', meta);
	let label: string | undefined;
	let chapter: ChapterDraft | undefined;
	let chapterNumber = 0;
	let documentTitle = '';
	let afterwordSeries = '';
	const savedId = ao3WorkId(savedFrom.exec(html.slice(0, 4000))?.[1] ?? '');
	let linkedId: string | undefined;

	const currentChapter = (region: PageRegion): ChapterDraft => {
		if (chapter && region.chapter === chapterNumber) return chapter;
		chapterNumber = region.chapter;
		// A one-shot has no chapter heading; its title is the work's, filled in at the end.
		chapter =
			region.chapter > 0
				? chapterDraft(`Chapter ${region.chapter}`, [])
				: chapterDraft('', [], false);
		draft.chapters.push(chapter);
		return chapter;
	};

	const onBlock = (block: HtmlBlock) => {
		const base = pageRegionOf(block.ancestors);
		const region = block.element ? stepPageRegion(base, block.element) : base;
		if (region.workLinks && !linkedId) {
			for (const link of block.links) linkedId ??= ao3LinkWorkId(link);
		}

		switch (region.part) {
			case 'meta': {
				if (block.tag === 'dt') label = ao3Label(block.text);
				else if (region.dd && label) addAo3Value(meta, label, itemText(block));
				return;
			}

			case 'preface': {
				if (region.text && region.module === 'summary') draft.summary.push(noteBlock(block));
				else if (region.text && region.module === 'notes') draft.notes.push(noteBlock(block));
				else if (!region.text && block.tag === 'h2') meta.title = block.text.replace(lockIcons, '');
				else if (!region.text && region.byline) meta.authors = ao3Authors(block.text);
				return;
			}

			case 'chapters': {
				const target = currentChapter(region);
				if (!region.text) {
					if (region.head && region.title) target.title = block.text;
					return;
				}

				if (region.module === 'summary') target.summary.push(noteBlock(block));
				else if (region.module === 'notes') target.notes.push(noteBlock(block));
				else if (region.module === 'endNotes') target.endNotes.push(noteBlock(block));
				else if (!region.head) target.body.push(draftBlock(block));
				return;
			}

			case 'afterword': {
				if (region.text && region.module === 'endNotes') draft.endNotes.push(noteBlock(block));
				else if (region.module === 'series' && block.kind === 'list-item') {
					afterwordSeries += `${afterwordSeries ? ', ' : ''}${itemText(block)}`;
				}

				return;
			}

			default:
		}
	};

	const dropped = htmlBlocks(html, onBlock, {
		// Landmarks ("Work Text:", "Chapter Text", "Actions") are headings AO3 hides from sight.
		skip: (element) => element.classes.includes('landmark'),
		onTitle: (title) => {
			documentTitle ||= title;
		},
	});

	if (dropped > 0) draft.warnings.push(deepNestingWarning(dropped));
	const id = savedId ?? linkedId;
	if (id) setAo3WorkId(meta, id);
	meta.title ||=
		documentTitle
			.replace(/\s*\[[^\]]*\]$/, '')
			.split(' - ')[0]
			?.trim() ?? '';
	const series = ao3Series(meta.series ?? afterwordSeries);
	if (series) meta.series = series;
	// A chaptered work's page always shows a second date; the download only when it differs.
	if (meta.updated === meta.published) delete meta.updated;
	if (meta.completed === meta.published) delete meta.completed;
	for (const each of draft.chapters) {
		if (!each.showTitle) each.title = meta.title;
	}

	const posted = Number(/^\d+/.exec(meta.chapterCount ?? '')?.[0] ?? 0);
	if (draft.chapters.length === 1 && draft.chapters[0]!.showTitle && posted > 1) {
		draft.warnings.push(
			`this page holds ${draft.chapters[0]!.title} only, of ${meta.chapterCount} chapters; the work's Entire Work page or a download holds them all`,
		);
	}

	return draft;
}
