// AO3's MOBI 6 download back in the shape of AO3's HTML: calibre's MOBI 6 keeps no ids or classes,
// so the preface, chapters and afterword are told by the pages the contents point at.

import {ao3Label, ao3WorkId, postedOriginally, endNoteLink} from './ao3-vocabulary.ts';

export type Mobi6Page = {html: string; labels: string[]};

export function isAo3Mobi6(first: string): boolean {
	return ao3WorkId(first) !== undefined && postedOriginally.test(first.replace(/<[^>]*>/g, ''));
}

const count = (text: string, part: string) => text.split(part).length - 1;

/**
 * The preface's `dt`/`dd` pairs: a label ("Rating:", maybe bold, in a paragraph or a blockquote of
 * its own) and then its value in blockquotes nested as deep as calibre turned the `dd`'s margin
 * into (one with AO3's ebook stylesheet, two from its EPUB, ten from the bare download's 10em).
 */
function prefaceTags(html: string): string {
	return html
		.replace(
			/<(p|blockquote)\b[^>]*>\s*(?:<b>)?\s*([^<]{1,40}?:)\s*(?:<\/b>)?\s*<\/\1>\s*((?:<blockquote\b[^>]*>\s*)+)((?:(?!<\/?blockquote\b)[^])*?)((?:\s*<\/blockquote>)+)/gi,
			(whole, _tag: string, label: string, opened: string, value: string, closed: string) => {
				if (!ao3Label(label)) return whole;
				// Closing tags past the value's own belong to blockquotes around the pair.
				const extra = count(closed, '</') - count(opened, '<');
				return `<dl class="tags"><dt>${label}</dt><dd>${value}</dd></dl>${'</blockquote>'.repeat(Math.max(0, extra))}`;
			},
		)
		.replace(/<p\b([^>]*)>(\s*by\s[^]*?)<\/p>/i, '<div class="byline">$2</div>');
}

/** AO3's "See the end of the chapter for notes" link, which its HTML marks as `endnote-link`. */
function endNoteLinks(html: string): string {
	// Most pages link nowhere: they are not searched paragraph by paragraph.
	if (!/\bfilepos\b/i.test(html)) return html;
	return html.replace(/<p\b[^>]*>((?:(?!<\/?p\b)[^])*?)<\/p>/gi, (whole, inner: string) =>
		/\bfilepos\b/i.test(inner) && endNoteLink.test(inner.replace(/<[^>]*>/g, ''))
			? `<div class="endnote-link">${inner}</div>`
			: whole,
	);
}

/** A note's blockquote holds its text bare; AO3's holds paragraphs, which is what marks a note. */
function noteParagraphs(html: string): string {
	return html.replace(
		/<blockquote\b[^>]*>((?:(?!<\/?blockquote\b)[^])*?)<\/blockquote>/gi,
		(whole, inner: string) =>
			/<(p|div)\b/i.test(inner)
				? whole
				: `<blockquote class="userstuff"><p>${inner}</p></blockquote>`,
	);
}

/**
 * Wraps the pages as AO3's HTML has them: what comes before the first chapter the contents name is
 * the preface, the page of an "Afterword" entry and after it the afterword, the rest the chapters.
 */
export function ao3Mobi6Pages(pages: Mobi6Page[]): string[] {
	const afterword = pages.findIndex((page) =>
		page.labels.some((label) => /^afterword$/i.test(label)),
	);
	let firstChapter = pages.findIndex((page, index) =>
		page.labels.some((label) => index > 0 && !/^(preface|afterword)$/i.test(label)),
	);
	if (firstChapter === -1) firstChapter = Math.min(1, pages.length);
	return pages.map((page, index) => {
		if (index < firstChapter)
			return `<div id="preface">${noteParagraphs(endNoteLinks(prefaceTags(page.html)))}</div>`;
		const html = noteParagraphs(endNoteLinks(page.html));
		if (afterword !== -1 && index >= afterword) return `<div id="afterword">${html}</div>`;
		return `<div id="chapters">${html}</div>`;
	});
}
