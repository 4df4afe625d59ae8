import assert from 'node:assert/strict';
import {test} from 'node:test';
import {zipSync} from 'fflate';
import {parseEpub} from '../../source/formats/epub.ts';
import {decodeXml} from '../../source/formats/epub-decode.ts';
import {assembleWork} from '../../source/work/assemble.ts';
import type {Work} from '../../source/work/types.ts';
import {printLines} from '../../source/layout/print-lines.ts';
import {tocEntries} from '../../source/work/toc-index.ts';

const encoder = new TextEncoder();

function utf16le(text: string): Uint8Array {
	const bytes = new Uint8Array(2 + text.length * 2);
	bytes[0] = 0xff;
	bytes[1] = 0xfe;
	for (let index = 0; index < text.length; index++) {
		bytes[2 + index * 2] = text.charCodeAt(index) & 0xff;
		bytes[3 + index * 2] = text.charCodeAt(index) >> 8;
	}

	return bytes;
}

type Parts = Record<string, string | Uint8Array>;

/** An EPUB 3 with the given documents in spine order and, optionally, a nav document. */
export function epubBytes(
	documents: Parts,
	options: {nav?: string; navInSpine?: boolean; opf?: (opf: string) => string | Uint8Array} = {},
): Uint8Array {
	const names = Object.keys(documents);
	const spine = names.map((_, index) => `<itemref idref="d${index}"/>`);
	if (options.navInSpine) spine.unshift('<itemref idref="nav"/>');
	const items = names.map(
		(href, index) => `<item id="d${index}" href="${href}" media-type="application/xhtml+xml"/>`,
	);
	if (options.nav)
		items.push(
			'<item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>',
		);
	const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Test Book</dc:title><dc:creator>Ann Author</dc:creator></metadata><manifest>${items.join('')}</manifest><spine>${spine.join('')}</spine></package>`;
	const files: Record<string, Uint8Array> = {
		mimetype: encoder.encode('application/epub+zip'),
		'META-INF/container.xml': encoder.encode(
			'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
		),
	};
	const packed = options.opf ? options.opf(opf) : opf;
	files['content.opf'] = typeof packed === 'string' ? encoder.encode(packed) : packed;
	if (options.nav)
		files['nav.xhtml'] = encoder.encode(
			`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${options.nav}</ol></nav></body></html>`,
		);
	for (const [name, content] of Object.entries(documents))
		files[name] = typeof content === 'string' ? encoder.encode(content) : content;
	return zipSync(files);
}

export const page = (body: string) =>
	`<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body>${body}</body></html>`;

export function epubWork(documents: Parts, options: Parameters<typeof epubBytes>[1] = {}): Work {
	return assembleWork(parseEpub(epubBytes(documents, options)));
}

test('an OPF in UTF-16 with a byte-order mark is read (its declaration says UTF-8, the mark wins)', () => {
	const work = epubWork({'a.xhtml': page('<p>One small story.</p>')}, {opf: utf16le});
	assert.equal(work.meta.title, 'A Test Book');
	assert.ok(work.blocks.some((block) => block.text === 'One small story.'));
});

test('a description in plain text keeps its paragraphs; one in HTML is read as HTML', () => {
	const described = (description: string) =>
		parseEpub(
			epubBytes(
				{'a.xhtml': page('<p>Text.</p>')},
				{
					opf: (opf) =>
						opf.replace(
							'</metadata>',
							`<dc:description>${description}</dc:description></metadata>`,
						),
				},
			),
		).summary.map((block) => block.text);
	// As FanFicFare writes it: plain text, a blank line between paragraphs, a bare "<" escaped.
	assert.deepEqual(described('First, lt(&lt;) kept.\n\nSome more  longer description.'), [
		'First, lt(<) kept.',
		'Some more longer description.',
	]);
	assert.deepEqual(described('&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;'), ['One', 'Two']);
});

test('an EPUB without contents has a chapter per document, named by its heading', () => {
	const work = epubWork({
		'cover.xhtml': page('<p><img src="cover.jpg" alt=""/></p>'),
		'one.xhtml': page('<h1>Chapter One</h1><p>The first part.</p>'),
		'two.xhtml': page('<p>A part with no heading.</p>'),
		'three.xhtml': page('<h2>Chapter Three</h2><p>The last part.</p>'),
	});
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Chapter One', 'A Test Book', 'Chapter Three'],
	);
	// Each heading is shown once, as the document has it.
	assert.equal(work.blocks.filter((block) => block.text === 'Chapter One').length, 1);
});

test('XML parts are decoded by their mark or declaration', () => {
	assert.equal(
		decodeXml(utf16le('<?xml version="1.0"?><a>é</a>')),
		'<?xml version="1.0"?><a>é</a>',
	);
	const latin1 = new Uint8Array([
		...encoder.encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>'),
		0xe9,
		...encoder.encode('</a>'),
	]);
	assert.equal(decodeXml(latin1), '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>');
	assert.equal(decodeXml(encoder.encode('\uFEFF<a>ü</a>')), '<a>ü</a>');
	assert.equal(decodeXml(encoder.encode('<a>ü</a>')), '<a>ü</a>');
});

function printed(work: Work): string {
	return [...printLines(work, 60)].join('\n');
}

test('contents entries that point inside one document start chapters there; nesting gives parts', () => {
	const stories = page(`
		<section id="part"><h2>PART ONE <span>Harbour Tales</span></h2>
			<section id="s1"><h3>The Net Mender</h3><p>Old Bram mended nets by the harbour wall.</p></section>
			<section id="s2"><h3>The Lamp</h3><p>A lamp burned all night in the window.</p>
				<p id="s2-later">It burned for a sailor who never came home.</p></section>
		</section>
		<section id="s3"><h3>The Tide Clock</h3><p>The clock in the square told the tides, not the hours.</p></section>`);
	const work = epubWork(
		{'stories.xhtml': stories},
		{
			nav: `<li><a href="stories.xhtml#part">PART ONE Harbour Tales</a><ol>
				<li><span>Ada Quill</span><ol>
					<li><a href="stories.xhtml#s1">The Net Mender</a></li>
					<li><a href="stories.xhtml#s2">The Lamp</a><ol hidden="hidden"><li><a href="stories.xhtml#s2-later">Later</a></li></ol></li>
				</ol></li></ol></li>
				<li><a href="stories.xhtml#s3">The Tide Clock</a></li>`,
		},
	);
	assert.deepEqual(
		work.chapters.map((chapter) => [chapter.title, chapter.depth ?? 0, chapter.parts ?? []]),
		[
			[
				'The Net Mender',
				2,
				[
					{title: 'PART ONE Harbour Tales', depth: 0},
					{title: 'Ada Quill', depth: 1},
				],
			],
			['The Lamp', 2, []],
			['The Tide Clock', 0, []],
		],
	);
	const text = printed(work);
	// Each title once, the part's heading before its first story's.
	for (const title of ['PART ONE Harbour Tales', 'The Net Mender', 'The Lamp', 'The Tide Clock'])
		assert.equal(text.split(title).length, 2, `${title} in\n${text}`);
	assert.ok(text.indexOf('PART ONE') < text.indexOf('The Net Mender'));
	const lamp = work.chapters[1]!;
	assert.match(
		work.blocks
			.slice(lamp.start, lamp.end)
			.map((block) => block.text)
			.join(' '),
		/A lamp burned.*never came home/,
	);
	assert.deepEqual(
		tocEntries(work).map((entry) => [entry.kind, entry.label, entry.depth]),
		[
			['part', 'PART ONE Harbour Tales', 0],
			['part', 'Ada Quill', 1],
			['chapter', 'The Net Mender', 2],
			['chapter', 'The Lamp', 2],
			['chapter', 'The Tide Clock', 0],
		],
	);
});

test('a title page before the first entry, and entries with only headings, open the chapter after them', () => {
	const work = epubWork(
		{
			'poem.xhtml': page(`<p>Produced for the harbour library.</p>
				<h1 id="t1">The Harbour;</h1><h3 id="t2">or, a Town by the Sea</h3><hr/>
				<section id="c1"><h2>I. THE WALL</h2><p>Stones, and the sea behind them.</p></section>
				<section id="c2"><h2>II. THE WATER</h2><p>Grey water, and gulls above it.</p></section>`),
		},
		{
			nav: `<li><a href="poem.xhtml#t1">The Harbour;</a></li><li><a href="poem.xhtml#t2">or, a Town by the Sea</a></li>
				<li><a href="poem.xhtml#c1">I. THE WALL</a></li><li><a href="poem.xhtml#c2">II. THE WATER</a></li>`,
		},
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['The Harbour; or, a Town by the Sea', 'I. THE WALL', 'II. THE WATER'],
	);
	const text = printed(work);
	assert.ok(text.indexOf('Produced for') < text.indexOf('The Harbour;'));
	for (const title of ['I. THE WALL', 'II. THE WATER', 'or, a Town by the Sea'])
		assert.equal(text.split(title).length, 2, title);
});

test('a chapter whose own heading follows a "Chapter One" line shows its title once', () => {
	const work = epubWork(
		{
			'c1.xhtml': page(
				'<h5>Chapter One</h5><h3>The Short Crossing\n</h3><p>They sailed at dawn.</p>',
			),
			'c2.xhtml': page(
				'<h5>Chapter Two</h5><h3>The Visitor</h3><p>She came by the noon ferry.</p>',
			),
		},
		{
			nav: '<li><a href="c1.xhtml">The Short Crossing</a></li><li><a href="c2.xhtml">The Visitor</a></li>',
		},
	);
	const text = printed(work);
	assert.equal(text.split('The Short Crossing').length, 2, text);
	assert.ok(text.indexOf('Chapter One') < text.indexOf('The Short Crossing'));
});

test('the nav document in the spine is not read as text; footnotes are notes', () => {
	const bytes = epubBytes(
		{
			'a.xhtml': page(
				'<p>A unit of currency.<a epub:type="noteref" href="#n1">1</a></p><aside epub:type="footnote" id="n1"><p>Corrected in this edition.</p></aside>',
			),
		},
		{nav: '<li><a href="a.xhtml">Notes</a></li>', navInSpine: true},
	);
	const work = assembleWork(parseEpub(bytes));
	assert.deepEqual(
		work.blocks.filter((block) => block.part !== 'front').map((block) => [block.part, block.text]),
		[
			['story', 'Notes'],
			['story', 'A unit of currency.[1]'],
			['note', 'Chapter End Notes'],
			['note', 'Corrected in this edition.'],
		],
	);
});

test('two contents entries for the same document make one chapter, under the first title', () => {
	const work = epubWork(
		{
			'a.xhtml': page('<p>The first of the boats.</p>'),
			'b.xhtml': page('<p>The second of the boats.</p>'),
		},
		{
			nav: '<li><a href="a.xhtml">One</a></li><li><a href="a.xhtml">One again</a></li><li><a href="b.xhtml">Two</a></li>',
		},
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['One', 'Two'],
	);
});
