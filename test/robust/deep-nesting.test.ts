// Deeply nested markup in every format that goes through the HTML/XML parser: the parser's depth is
// bounded, so each file reads in a few seconds (htmlparser2's own stack took 40–90 s at this depth).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {zipSync} from 'fflate';
import {Parser} from 'htmlparser2';
import {boundedParser, maxParserDepth} from '../../source/formats/bounded-parser.ts';
import {workFromBytes} from '../../source/formats/open-work.ts';
import {mobi6File} from '../helpers/mobi.ts';

const encoder = new TextEncoder();
/** Without the bound each of these takes far longer than this (minutes at full depth). */
const budget = {timeout: 20_000};

test('the parser hands its handler no more than its bound of open elements', () => {
	let open = 0;
	let deepest = 0;
	const {parser, dropped} = boundedParser({
		onopentagname() {
			open++;
			deepest = Math.max(deepest, open);
		},
		onclosetag() {
			open--;
		},
	});
	parser.write(`<div>${'<div><br>'.repeat(5000)}<b>${'<i>'.repeat(5000)}words`);
	parser.end();
	assert.equal(deepest, maxParserDepth);
	assert.equal(open, 0);
	// The start tags past the bound, <br>s among them: 10,002 elements and 5,000 <br>s, less the
	// 512 elements and 510 <br>s opened before it.
	assert.equal(dropped(), 10_002 + 5000 - maxParserDepth - 510);
});

test('200,000 nested <div>s read, with one warning', budget, () => {
	const html = `<html><body>${'<div>'.repeat(200_000)}<p>At the bottom.</p>${'</div>'.repeat(200_000)}</body></html>`;
	const work = workFromBytes(encoder.encode(html), 'deep.html');
	assert.match(work.blocks.at(-1)!.text, /At the bottom\./);
	assert.equal(work.warnings.length, 1);
	assert.match(
		work.warnings[0]!,
		/more than 512 deep; 199,4\d\d deeper tags were read as plain text/,
	);
});

for (const tag of ['i', 'b']) {
	test(`300,000 unclosed <${tag}>s read`, budget, () => {
		const html = `<html><body><p>${`<${tag}>word `.repeat(300_000)}</p><p>After.</p></body></html>`;
		const work = workFromBytes(encoder.encode(html), `unclosed-${tag}.html`);
		assert.equal(work.blocks.at(-1)!.text, 'After.');
	});
}

test('150,000 lists nested in list items read', budget, () => {
	const html = `<html><body>${'<ul><li>item '.repeat(150_000)}</body></html>`;
	const work = workFromBytes(encoder.encode(html), 'lists.html');
	assert.ok(work.blocks.length > 0);
});

test('an AO3 page nested 200,000 deep reads, with the warning', budget, () => {
	const html = `<html><head><title>Deep - Someone - Fandom [Archive of Our Own]</title></head><body><div id="workskin"><div class="preface group"><h2 class="title heading">Deep</h2></div><a href="https://archiveofourown.org/works/123">link</a><div class="userstuff">${'<div>'.repeat(200_000)}<p>Deep inside.</p></div></div></body></html>`;
	const work = workFromBytes(encoder.encode(html), 'deep-ao3.html');
	assert.equal(work.format, 'ao3-html');
	assert.ok(work.blocks.some((block) => block.text === 'Deep inside.'));
	assert.ok(work.warnings.some((warning) => warning.includes('more than 512 deep')));
});

test('an EPUB chapter nested 200,000 deep reads', budget, () => {
	const files: Record<string, Uint8Array> = {
		mimetype: encoder.encode('application/epub+zip'),
		'META-INF/container.xml': encoder.encode(
			'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
		),
		'content.opf': encoder.encode(
			`<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Deep</dc:title>${'<x>'.repeat(200_000)}</metadata><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>`,
		),
		'c.xhtml': encoder.encode(
			`<html xmlns="http://www.w3.org/1999/xhtml"><body>${'<div><i>'.repeat(150_000)}<p>The end.</p></body></html>`,
		),
	};
	const work = workFromBytes(zipSync(files), 'deep.epub');
	assert.equal(work.meta.title, 'Deep');
	assert.match(work.blocks.at(-1)!.text, /The end\./);
});

test('an FB2 nested 300,000 deep reads', budget, () => {
	const fb2 = `<?xml version="1.0" encoding="utf-8"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><description><title-info><book-title>Deep</book-title></title-info></description><body><section><title><p>One</p></title><p>${'<emphasis>'.repeat(300_000)}Far down.</p></section></body></FictionBook>`;
	const work = workFromBytes(encoder.encode(fb2), 'deep.fb2');
	assert.equal(work.format, 'fb2');
	assert.ok(work.blocks.some((block) => block.text.includes('Far down.')));
});

test('a MOBI 6 contents entry nested 100,000 deep is read through the bounded parser', (t) => {
	// The contents page's labels went to htmlparser2 unbounded: its unshifted stack of open tags
	// made each start tag cost time in the depth.
	const opened = t.mock.method(Parser.prototype, 'onopentagname');
	const work = workFromBytes(
		mobi6File([
			{title: `${'<b>'.repeat(100_000)}Salt &amp; Sea`, html: '<p>The tide came in.</p>'},
		]),
		'deep.mobi',
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Salt & Sea'],
	);
	assert.ok(opened.mock.callCount() < 10_000, `${opened.mock.callCount()} tags opened`);
});
