// AO3's MOBI 6 download back in the shape of AO3's HTML: calibre's MOBI 6 keeps no ids or classes,
// so the preface, chapters and afterword are told by the pages the contents point at.

import {ao3Label, ao3WorkId, postedOriginally} from './ao3-vocabulary.ts';

export type Mobi6Page = {html: string; labels: string[]};

export function isAo3Mobi6(first: string): boolean {
	return ao3WorkId(first) !== undefined && postedOriginally.test(first.replace(/<[^>]*>/g, ''));
}

/** "Label:" paragraphs each followed by a doubled blockquote: the preface's `dt`/`dd` pairs. */
function prefaceTags(html: string): string {
	return html
		.replace(
			/<p\b[^>]*>\s*([^<]{1,40}?:)\s*<\/p>\s*<blockquote\b[^>]*>\s*<blockquote\b[^>]*>([^]*?)<\/blockquote>\s*<\/blockquote>/gi,
			(whole, label: string, value: string) =>
				ao3Label(label) ? `<dl class="tags"><dt>${label}</dt><dd>${value}</dd></dl>` : whole,
		)
		.replace(/<p\b([^>]*)>(\s*by\s[^]*?)<\/p>/i, '<div class="byline">$2</div>');
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
			return `<div id="preface">${noteParagraphs(prefaceTags(page.html))}</div>`;
		const html = noteParagraphs(page.html);
		if (afterword !== -1 && index >= afterword) return `<div id="afterword">${html}</div>`;
		return `<div id="chapters">${html}</div>`;
	});
}
