import assert from 'node:assert/strict';
import {test} from 'node:test';
import {zipSync} from 'fflate';
import {parseEpub} from '../../source/formats/epub.ts';
import {decodeXml} from '../../source/formats/epub-decode.ts';
import {assembleWork} from '../../source/work/assemble.ts';
import type {Work} from '../../source/work/types.ts';

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
	options: {nav?: string; opf?: (opf: string) => string | Uint8Array} = {},
): Uint8Array {
	const names = Object.keys(documents);
	const items = names.map(
		(href, index) => `<item id="d${index}" href="${href}" media-type="application/xhtml+xml"/>`,
	);
	if (options.nav)
		items.push(
			'<item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>',
		);
	const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Test Book</dc:title><dc:creator>Ann Author</dc:creator></metadata><manifest>${items.join('')}</manifest><spine>${names.map((_, index) => `<itemref idref="d${index}"/>`).join('')}</spine></package>`;
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
