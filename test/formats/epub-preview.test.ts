import assert from 'node:assert/strict';
import {test} from 'node:test';
import {unzipSync, zipSync} from 'fflate';
import {epubPreviews, parseEpub} from '../../source/formats/epub.ts';
import {workFromBytes, workFromStart} from '../../source/formats/open-work.ts';
import {assembleWork} from '../../source/work/assemble.ts';

const encoder = new TextEncoder();

/** An EPUB 2 with these documents in spine order. */
function epubOf(documents: Record<string, string>): Uint8Array {
	const names = Object.keys(documents);
	const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Salt</dc:title><dc:creator>Wren Quill</dc:creator></metadata><manifest>${names.map((href, index) => `<item id="d${index}" href="${href}" media-type="application/xhtml+xml"/>`).join('')}</manifest><spine>${names.map((_, index) => `<itemref idref="d${index}"/>`).join('')}</spine></package>`;
	const files: Record<string, Uint8Array> = {
		mimetype: encoder.encode('application/epub+zip'),
		'META-INF/container.xml': encoder.encode(
			'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
		),
		'content.opf': encoder.encode(opf),
	};
	for (const [name, html] of Object.entries(documents)) files[name] = encoder.encode(html);
	return zipSync(files);
}

const page = (body: string) =>
	`<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`;

const prose = (words: number) =>
	`<p>${Array.from({length: words}, (_, index) => `word${index % 97}`).join(' ')}.</p>`;

test("a preview of an EPUB's first document is read as the same kind of book as the whole", () => {
	// FanFicFare's title page after a long first document: only the whole spine names it.
	const bytes = epubOf({
		'OEBPS/intro.xhtml': page(`<h1>Before</h1>${prose(1500)}`),
		'OEBPS/title_page.xhtml': page(
			'<h3>Salt</h3><div><b>Author:</b> Wren Quill<br/><b>Status:</b> In-Progress<br/></div>',
		),
		'OEBPS/file0001.xhtml': page(`<h3 class="fff_chapter_title">One</h3>${prose(300)}`),
	});
	const whole = parseEpub(bytes);
	const preview = epubPreviews(bytes).draft(1);
	assert.equal(whole.format, 'fff-epub');
	assert.equal(preview.format, whole.format);
	const [start, all] = [assembleWork(preview), assembleWork(parseEpub(bytes))];
	assert.equal(start.id, all.id);
	for (const [index, block] of start.blocks.slice(0, -1).entries())
		assert.equal(block.text, all.blocks[index]!.text, `block ${index}`);
});

test('a zip with an EPUB container and an FB2 file is an EPUB, previewed or read whole', () => {
	const epub = unzipSync(epubOf({'chapter.xhtml': page(`<h1>One</h1>${prose(1200)}`)}));
	const fb2 = `<?xml version="1.0" encoding="UTF-8"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><description><title-info><book-title>Other</book-title></title-info></description><body><section><p>Not this.</p></section></body></FictionBook>`;
	const bytes = zipSync({...epub, 'other.fb2': encoder.encode(fb2)});
	const start = workFromStart(bytes, 'both.zip');
	const whole = workFromBytes(bytes, 'both.zip');
	assert.equal(whole.format, 'epub');
	assert.equal(start.format, whole.format);
	assert.equal(start.id, whole.id);
});
