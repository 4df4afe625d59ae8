import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {boundedParser, maxParserDepth} from '../../source/formats/bounded-parser.ts';
import {decodeXmlEntities, scanXml, type XmlHandler} from '../../source/formats/xml-scan.ts';
import {fuzzRuns} from '../helpers/fuzz.ts';

type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

/** The events a handler sees, with runs of text joined (where text is cut does not matter). */
function recorder(): {events: Event[]; handler: Required<XmlHandler>} {
	const events: Event[] = [];
	return {
		events,
		handler: {
			onopentag: (name, attributes) => events.push(['open', name, {...attributes}]),
			ontext(data) {
				const last = events.at(-1);
				if (!data) return;
				if (last?.[0] === 'text') last[1] += data;
				else events.push(['text', data]);
			},
			onclosetag: (name) => events.push(['close', name]),
		},
	};
}

function viaParser(xml: string): Event[] {
	const {events, handler} = recorder();
	const {parser} = boundedParser(handler, {xmlMode: true, decodeEntities: true});
	parser.write(xml);
	parser.end();
	return events;
}

function viaScan(xml: string): Event[] {
	const {events, handler} = recorder();
	scanXml(xml, handler);
	return events;
}

// The package, contents and container as calibre writes them (AO3's EPUBs: href before id,
// `opf:` attributes, an escaped HTML description) and as FanFicFare does (id first, dc:source).
const calibreOpf = `<?xml version='1.0' encoding='utf-8'?>
<package xmlns="http://www.idpf.org/2007/opf" unique-identifier="uuid_id" version="2.0">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf" xmlns:calibre="http://calibre.kovidgoyal.net/2009/metadata">
    <dc:title>Salt &amp; Lanterns</dc:title>
    <dc:creator opf:file-as="Quill, Wren" opf:role="aut">Wren Quill</dc:creator>
    <dc:description>&lt;p&gt;A keeper&amp;#8217;s &#8220;summary&#x201D;.&lt;/p&gt;</dc:description>
    <dc:identifier opf:scheme="URL">https://archiveofourown.org/works/000001</dc:identifier>
    <dc:subject>Found Family</dc:subject>
    <meta name="calibre:series" content="Tides &apos;n&apos; Stars"/>
    <!-- <dc:title>Not this one</dc:title> -->
  </metadata>
  <manifest>
    <item href="Salt_split_000.xhtml" id="id1" media-type="application/xhtml+xml"/>
    <item href='Salt_split_001.xhtml' media-type='application/xhtml+xml' id='id2'/>
    <item href="toc.ncx" id="ncx" media-type="application/x-dtbncx+xml"/>
  </manifest>
  <spine toc="ncx">
    <itemref idref="id1"/>
    <itemref idref="id2" linear="yes"/>
  </spine>
</package>`;

const fanficfareOpf = `<?xml version="1.0" encoding="UTF-8"?>
<package version="2.0" xmlns="http://www.idpf.org/2007/opf" unique-identifier="fanficfare-uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf"><dc:identifier id="fanficfare-uid">Anthology@0001</dc:identifier><dc:title>Salt</dc:title><dc:source>https://example.org/s/1</dc:source><dc:description><![CDATA[<p>Raw <b>HTML</b> & all</p>]]></dc:description><dc:contributor opf:role="bkp">FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor></metadata><manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="title_page" href="OEBPS/title_page.xhtml" media-type="application/xhtml+xml"/><item id="file0001" href="OEBPS/file0001.xhtml" media-type="application/xhtml+xml"/></manifest><spine toc="ncx"><itemref idref="title_page" linear="yes"/><itemref idref="file0001" linear="yes"/></spine></package>`;

const ncx = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head><meta content="uuid" name="dtb:uid"/></head>
<docTitle><text>Salt</text></docTitle><navMap>
<navPoint id="np1" playOrder="1"><navLabel><text>1. The Lamp &amp; the Tide</text></navLabel><content src="Salt_split_000.xhtml#ch1"/>
<navPoint id="np2" playOrder="2"><navLabel><text>Part&#160;two</text></navLabel><content src="Salt_split_001.xhtml"/></navPoint></navPoint>
</navMap></ncx>`;

const oddShapes = `<OPF:PACKAGE><opf:manifest>
<opf:item id=bare href=a.xhtml media-type="application/xhtml+xml"/>
<ITEM ID="upper" HREF="b.xhtml"/>
<item   href = "c d.xhtml"
	id	=	"spaced"  properties="nav scripted" />
<item id="dup" id="second" href="e&#x2F;f.xhtml" linear/>
<item id="x" href="g.xhtml"/ >
</opf:manifest><?pi <item id="pi"/> ?><![CDATA[<item id="cdata"/>]]></OPF:PACKAGE>`;

test('scanXml gives the events htmlparser2 gives in XML mode, on real shapes of package files', () => {
	for (const xml of [calibreOpf, fanficfareOpf, ncx, oddShapes])
		assert.deepEqual(viaScan(xml), viaParser(xml));
});

test('attributes: quotes of both kinds, any order, entities, no value, namespaced and upper-case names', () => {
	const items = viaScan(oddShapes).filter(
		(event): event is ['open', string, Record<string, string>] => event[0] === 'open',
	);
	assert.deepEqual(
		items.map(([, name, attributes]) => [name, attributes]),
		[
			['OPF:PACKAGE', {}],
			['opf:manifest', {}],
			['opf:item', {id: 'bare', href: 'a.xhtml', 'media-type': 'application/xhtml+xml'}],
			['ITEM', {ID: 'upper', HREF: 'b.xhtml'}],
			['item', {href: 'c d.xhtml', id: 'spaced', properties: 'nav scripted'}],
			['item', {id: 'dup', href: 'e/f.xhtml', linear: ''}],
			['item', {id: 'x', href: 'g.xhtml'}],
		],
	);
	const calibre = viaScan(calibreOpf);
	assert.ok(calibre.some(([kind, text]) => kind === 'text' && text === 'Salt & Lanterns'));
	assert.ok(!calibre.some(([kind, text]) => kind === 'text' && text.includes('Not this one')));
	assert.ok(
		calibre.some(
			([kind, text]) => kind === 'text' && text === '<p>A keeper&#8217;s \u201Csummary\u201D.</p>',
		),
	);
	assert.ok(
		viaScan(fanficfareOpf).some(
			([kind, text]) => kind === 'text' && text === '<p>Raw <b>HTML</b> & all</p>',
		),
	);
});

test('entities: only the five XML names and numeric references that end in a semicolon', () => {
	assert.equal(
		decodeXmlEntities(
			'&amp;&lt;&gt;&quot;&apos; &nbsp; &amp &#65;&#x42;&#X43; &#65 &#0; &#xD800; &#99999999;',
		),
		'&<>"\' &nbsp; &amp ABC &#65 \uFFFD \uFFFD \uFFFD',
	);
});

test('nesting past the bound opens nothing deeper, as the bounded parser does, and stays linear', () => {
	const nested = (depth: number) => '<a>x'.repeat(depth) + '</a>'.repeat(depth);
	assert.deepEqual(viaScan(nested(maxParserDepth + 40)), viaParser(nested(maxParserDepth + 40)));
	const start = performance.now();
	scanXml(nested(200_000) + '<b c="'.repeat(100_000) + '<'.repeat(100_000), {});
	assert.ok(performance.now() - start < 2000);
});

test('scanXml agrees with htmlparser2 on any mix of markup pieces, broken ones included', () => {
	const pieces = [
		'<',
		'>',
		'/',
		'!',
		'?',
		'-',
		'--',
		'[',
		']',
		'CDATA[',
		'<![CDATA[',
		']]>',
		'<!--',
		'-->',
		'--!>',
		'<?',
		'?>',
		'"',
		"'",
		'=',
		' ',
		'\n',
		'\t',
		'a',
		'item',
		'opf:item',
		'ITEM',
		'id',
		'href',
		'&',
		'&amp;',
		'&lt;',
		'&#65;',
		'&#x41;',
		'&#0;',
		'&#65',
		'&nbsp;',
		';',
		'</a>',
		'<a>',
		'<b/>',
		'</',
		'/>',
		'<!DOCTYPE',
		'<item id="i" href="h.xhtml"/>',
	];
	fc.assert(
		fc.property(
			fc.array(fc.constantFrom(...pieces), {maxLength: 16}).map((parts) => parts.join('')),
			(xml) => {
				assert.deepEqual(viaScan(xml), viaParser(xml));
			},
		),
		fuzzRuns(4000),
	);
});
