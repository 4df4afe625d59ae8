// Writes a generated story in each file format, the way AO3, FanFicFare and others lay them out.

import {zipSync} from 'fflate';
import {storyPdf} from './pdf-writer.ts';
import {azw3File, mobi6File} from './mobi.ts';
import {textwrap} from './textwrap.ts';

export type Story = {
	title: string;
	author: string;
	chapters: Array<{title: string; scenes: string[][]}>;
};

const escapeHtml = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		// A line break between two CJK words reads back as no space at all, as it should in CJK text.
		const cjkJoin =
			/[\p{Script=Han}\p{Script=Katakana}]$/u.test(line) &&
			/^[\p{Script=Han}\p{Script=Katakana}]/u.test(word);
		if (line && line.length + word.length + 1 > width && !cjkJoin) {
			lines.push(line);
			line = word;
		} else {
			line = line ? `${line} ${word}` : word;
		}
	}

	if (line) lines.push(line);
	return lines;
}

function textChapters(
	story: Story,
	heading: (title: string, index: number) => string[],
	divider: string,
	wrapAt = 0,
): string[] {
	return story.chapters.flatMap((chapter, index) => [
		...heading(chapter.title, index),
		...chapter.scenes.flatMap((scene, sceneIndex) => [
			...(sceneIndex > 0 ? [divider, ''] : []),
			...scene.flatMap((paragraph) => [...(wrapAt ? wrap(paragraph, wrapAt) : [paragraph]), '']),
		]),
	]);
}

/** writer_txt.py's wraplines: every line of `text` through textwrap at 78 columns. */
function wrapLines(text: string): string {
	return text
		.split('\n')
		.map((line) => textwrap(line, 78).join('\n') + '\n')
		.join('');
}

/** Enough co-authors that FanFicFare's "by" line wraps. */
export const fanficfareCoAuthors = [
	'a second writer with a long pseud',
	'third',
	'the fourth',
	'fifth',
	'sixth',
	'the seventh',
];

/**
 * FanFicFare's TXT: the title page and contents through wrapLines (the tab before each chapter
 * title becomes 8 spaces), chapter text as html2text writes it (paragraphs wrapped at 78 without
 * breaking long words, `* * *` for <hr>), CRLF line ends.
 */
function fanficfareTxt(story: Story): string {
	const authors = [story.author, ...fanficfareCoAuthors];
	const entries = [
		'Category: Original Work, Generated Fiction, Stories That Test Wrapping, Other Things',
		`Relationships: ${story.author} & Maren, Maren/The Rain, The Rain & The Sea, The Stars/Maren`,
		'Status: Completed',
		'Published: 2020-01-01',
		'Packaged: 2020-01-02 00:00:00',
		'Story URL: https://example.org/s/5',
		'Summary: A generated work whose summary is long enough to be wrapped by textwrap onto the next line.',
	];
	let text = wrapLines(`\n\n\n${story.title}\n\nby ${authors.join(', ')}\n\n\n`);
	text += wrapLines(`\n${entries.map((entry) => `${entry}\n`).join('')}\n\n\n`);
	text += wrapLines(
		`\n\nTABLE OF CONTENTS\n\n${story.chapters.map((chapter) => `\n${chapter.title}\n`).join('')}\n`,
	);
	for (const chapter of story.chapters) {
		text += wrapLines(`\n\n\t${chapter.title}\n\n`);
		text += chapter.scenes
			.map((scene) =>
				scene.map((paragraph) => `${textwrap(paragraph, 78, false).join('\n')}\n\n`).join(''),
			)
			.join('* * *\n\n');
	}

	text += wrapLines('\n\nEnd file.\n');
	return text.replaceAll('\n', '\r\n');
}

function htmlChapter(chapter: Story['chapters'][number], hr = '<hr/>'): string {
	return chapter.scenes
		.map((scene) => scene.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'))
		.join(`\n${hr}\n`);
}

export const writers: Record<string, (story: Story) => Uint8Array | string> = {
	'ao3-text': (story) =>
		[
			'Rating:',
			'General Audiences',
			'Fandom:',
			'Original Work',
			'Additional Tags:',
			'Generated',
			'Stats:',
			'Published: 2020-01-01 Words: 1 Chapters: 1/1',
			story.title,
			story.author,
			'Summary:',
			'',
			'A generated work.',
			'',
			...textChapters(
				story,
				(title, index) => [`Chapter ${index + 1}: ${title}`, '', 'Chapter Text', ''],
				'* * *',
			),
			'Actions',
			'Kudos',
		].join('\n'),
	'ao3-html': (story) =>
		`<!DOCTYPE html><html><head><title>${escapeHtml(story.title)} - ${story.author} - Original Work</title></head><body>
<div id="preface"><p class="message"><b>${escapeHtml(story.title)}</b><br/>Posted originally on the Archive of Our Own at <a href="https://archiveofourown.org/works/5">https://archiveofourown.org/works/5</a>.</p>
<div class="meta"><dl class="tags"><dt>Rating:</dt><dd>General Audiences</dd></dl><h1>${escapeHtml(story.title)}</h1><div class="byline">by <a rel="author">${story.author}</a></div></div></div>
<div id="chapters" class="userstuff">${story.chapters
			.map(
				(chapter, index) =>
					`<div class="meta group"><h2 class="heading">Chapter ${index + 1}: ${escapeHtml(chapter.title)}</h2></div><div class="userstuff">${htmlChapter(chapter)}</div>`,
			)
			.join('\n')}</div></body></html>`,
	'fff-txt': (story) => fanficfareTxt(story),
	'fff-html': (story) =>
		`<html><head><title>${escapeHtml(story.title)} by ${story.author}</title></head><body><h1>${escapeHtml(story.title)} by ${story.author}</h1>
<div><b>Status:</b> Completed<br/></div>${story.chapters
			.map(
				(chapter, index) =>
					`<a name="section${String(index + 1).padStart(4, '0')}"><h2>${escapeHtml(chapter.title)}</h2></a>\n${htmlChapter(chapter, '<p style="text-align: center">* * *</p>')}`,
			)
			.join('\n')}</body></html>`,
	html: (story) =>
		`<!DOCTYPE html><html><body><h1>${escapeHtml(story.title)}</h1>${story.chapters.map((chapter) => `<h2>${escapeHtml(chapter.title)}</h2>\n${htmlChapter(chapter)}`).join('\n')}</body></html>`,
	markdown: (story) =>
		[
			`# ${story.title}`,
			'',
			...textChapters(story, (title) => [`## ${title}`, ''], '* * *', 70),
		].join('\n'),
	text: (story) =>
		[
			story.title,
			`by ${story.author}`,
			'',
			...textChapters(story, (_, index) => [`Chapter ${index + 1}`, ''], '~~~', 72),
		].join('\n'),
	epub: (story) => {
		const documents = story.chapters.map((chapter, index) => [
			`c${index}.xhtml`,
			`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><h1>${escapeHtml(chapter.title)}</h1>${htmlChapter(chapter)}</body></html>`,
		]);
		const encoder = new TextEncoder();
		const files: Record<string, Uint8Array | [Uint8Array, {level: 0}]> = {
			mimetype: [encoder.encode('application/epub+zip'), {level: 0}],
			'META-INF/container.xml': encoder.encode(
				'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
			),
			'content.opf': encoder.encode(
				`<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeHtml(story.title)}</dc:title><dc:creator>${story.author}</dc:creator></metadata><manifest>${documents.map(([name], index) => `<item id="i${index}" href="${name}" media-type="application/xhtml+xml"/>`).join('')}<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest><spine toc="ncx">${documents.map((_, index) => `<itemref idref="i${index}"/>`).join('')}</spine></package>`,
			),
			'toc.ncx': encoder.encode(
				`<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>${story.chapters.map((chapter, index) => `<navPoint><navLabel><text>${escapeHtml(chapter.title)}</text></navLabel><content src="c${index}.xhtml"/></navPoint>`).join('')}</navMap></ncx>`,
			),
		};
		for (const [name, html] of documents) files[name!] = encoder.encode(html);
		return zipSync(files);
	},
};

/** FB2 as FictionBook 2.0 writers lay it out: title-info, one titled section per chapter, `<subtitle>* * *</subtitle>` between scenes. */
function fictionBook(story: Story): string {
	const sections = story.chapters.map(
		(chapter) =>
			`<section>\n<title><p>${escapeHtml(chapter.title)}</p></title>\n${chapter.scenes
				.map((scene) => scene.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>\n`).join(''))
				.join('<subtitle>* * *</subtitle>\n')}</section>\n`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:l="http://www.w3.org/1999/xlink">
<description><title-info><genre>prose</genre><author><nickname>${escapeHtml(story.author)}</nickname></author><book-title>${escapeHtml(story.title)}</book-title><lang>en</lang></title-info></description>
<body>
${sections.join('')}</body>
</FictionBook>
`;
}

writers['fb2'] = fictionBook;

/**
 * A story as a typeset PDF. Not among `writers`, whose tests read every format at once and in
 * any script: a PDF is read asynchronously, and its standard fonts hold only Latin-1.
 */
export function storyAsPdf(story: Story): Uint8Array {
	return storyPdf(story);
}
/** One page per chapter, as calibre splits a book: its title as a heading, `<hr/>` between scenes. */
const mobiPages = (story: Story) =>
	story.chapters.map((chapter) => ({
		title: escapeHtml(chapter.title),
		html: `<h1>${escapeHtml(chapter.title)}</h1>${chapter.scenes
			.map((scene) => scene.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(''))
			.join('<hr/>')}`,
	}));
writers['mobi'] = (story) =>
	mobi6File(mobiPages(story), {title: story.title, author: story.author});
writers['azw3'] = (story) => azw3File(mobiPages(story), {title: story.title, author: story.author});

export const extensions: Record<string, string> = {
	fb2: 'fb2',
	'ao3-text': 'txt',
	'ao3-html': 'html',
	'fff-txt': 'txt',
	'fff-html': 'html',
	html: 'html',
	markdown: 'md',
	text: 'txt',
	epub: 'epub',
	mobi: 'mobi',
	azw3: 'azw3',
};
