// The hostile inputs of issue #16 and more, generated (never committed): for `npm run probe`.

import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {zipSync} from 'fflate';
import {mobi6File} from '../test/helpers/mobi.ts';

const encoder = new TextEncoder();
const many = (count: number, make: (index: number) => string) =>
	Array.from({length: count}, (_, index) => make(index)).join('');

function epub(documents: Record<string, string>, opfExtra = '', spine?: string[]) {
	const names = spine ?? Object.keys(documents);
	const files: Record<string, Uint8Array> = {
		mimetype: encoder.encode('application/epub+zip'),
		'META-INF/container.xml': encoder.encode(
			'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
		),
		'content.opf': encoder.encode(
			`<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Probe</dc:title>${opfExtra}</metadata><manifest>${names.map((name, index) => `<item id="i${index}" href="${name}" media-type="application/xhtml+xml"/>`).join('')}</manifest><spine>${names.map((_, index) => `<itemref idref="i${index}"/>`).join('')}</spine></package>`,
		),
	};
	for (const [name, html] of Object.entries(documents)) files[name] = encoder.encode(html);
	return files;
}

const page = (body: string) =>
	`<html xmlns="http://www.w3.org/1999/xhtml"><head><title>P</title></head><body>${body}</body></html>`;

/** Rewrites the sizes a zip's headers declare for entries of `actual` bytes. */
function lie(zip: Uint8Array, actual: number, claimed: number, where: 'both' | 'local' = 'both') {
	const view = new DataView(zip.buffer, zip.byteOffset);
	for (let at = 0; at < zip.length - 30; at++) {
		const signature = view.getUint32(at, true);
		const field =
			signature === 0x04034b50 ? 22 : signature === 0x02014b50 && where === 'both' ? 24 : 0;
		if (field && view.getUint32(at + field, true) === actual)
			view.setUint32(at + field, claimed, true);
	}

	return zip;
}

const osc = '\u001B]0;PWNED\u0007';
const planted = `Title\u001B]2;PWNED\u0007\n\nChapter 1\n\nBefore\u001B[2J\u001B[31m the clear \u001B]52;c;cHduZWQ=\u0007 and \u009B2J done.\n`;

/** PROBE_ONLY=headings,spine keeps the inputs whose names start so, to measure a few again. */
const only = (process.env['PROBE_ONLY'] ?? '').split(',').filter(Boolean);
const chosen = (path: string) =>
	only.length === 0 || only.some((start) => (path.split('/').pop() ?? '').startsWith(start));

/** Writes every hostile input into `folder`; returns their paths (devices and a FIFO included). */
export function writeHostileInputs(folder: string): string[] {
	const files: Array<[string, string | Uint8Array]> = [
		['headings.md', many(200_000, (index) => `## Part ${index}\n\nText.\n\n`)],
		[
			'headings.html',
			`<html><body>${many(200_000, (index) => `<h2>P${index}</h2><p>T.</p>`)}</body></html>`,
		],
		[
			'fff-paragraphs.html',
			`<html><head><title>L by S</title></head><body><h1>L by S</h1><a name="section0001"><h2>One</h2></a>${many(200_000, (index) => `<p>Line ${index}.</p>`)}</body></html>`,
		],
		[
			'fff-paragraphs.txt',
			`\r\n\r\n\r\nLong\r\n\r\nby Someone\r\n\r\n\r\n\r\nStatus: Completed\r\nChapters: 1\r\nStory URL: http://test1.com?sid=1\r\n\r\n\r\n\r\nTABLE OF CONTENTS\r\n\r\nOne\r\n\r\n\r\n\r\n        One\r\n\r\n\r\n${many(200_000, (index) => `Line ${index} of a paragraph.\r\n\r\n`)}End file.\r\n`,
		],
		['list-items.md', many(300_000, (index) => `- item ${index}\n`)],
		[
			'deep-contents.mobi',
			mobi6File([{title: `${'<b>'.repeat(200_000)}Deep`, html: '<p>The text.</p>'}]),
		],
		['emphasis.md', `${'*a _b '.repeat(100_000)}\n`],
		[
			'divs.html',
			`<html><body>${'<div>'.repeat(200_000)}<p>Deep.</p>${'</div>'.repeat(200_000)}</body></html>`,
		],
		['unclosed-i.html', `<html><body><p>${'<i>w '.repeat(300_000)}</p></body></html>`],
		['unclosed-b.html', `<html><body><p>${'<b>'.repeat(300_000)}w</p></body></html>`],
		['unclosed-li.html', `<html><body><ul>${'<li>w '.repeat(300_000)}</ul></body></html>`],
		['nested-lists.html', `<html><body>${'<ul><li>w '.repeat(150_000)}</body></html>`],
		[
			'stray-closes.html',
			`<html><body>${'<div>'.repeat(5000)}x${'</span>'.repeat(200_000)}</body></html>`,
		],
		[
			'ao3-deep.html',
			`<html><head><title>D - S - F [Archive of Our Own]</title></head><body><a href="https://archiveofourown.org/works/1">l</a><div class="userstuff">${'<div>'.repeat(200_000)}<p>In.</p></div></body></html>`,
		],
		[
			'deep.fb2',
			`<?xml version="1.0"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><description><title-info><book-title>D</book-title></title-info></description><body><section><p>${'<emphasis>'.repeat(300_000)}Far.</p></section></body></FictionBook>`,
		],
		[
			'deep-sections.fb2',
			`<?xml version="1.0"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><body>${'<section><title><p>T</p></title>'.repeat(100_000)}<p>x</p></body></FictionBook>`,
		],
		[
			'deep-chapter.epub',
			zipSync(
				epub(
					{'c.xhtml': page(`${'<div><i>'.repeat(150_000)}<p>End.</p>`)},
					`${'<x>'.repeat(200_000)}`,
				),
			),
		],
		[
			'spine.epub',
			zipSync(
				epub(
					Object.fromEntries(
						Array.from({length: 100}, (_, index) => [`s${index}.xhtml`, page(`<p>${index}</p>`)]),
					),
					'',
					Array.from({length: 200_000}, (_, index) => `s${index}.xhtml`),
				),
			),
		],
		[
			'toc-outside.epub',
			zipSync({
				...epub({'a.xhtml': page('<p>Readable.</p>')}),
				'toc.ncx': encoder.encode(
					'<ncx><navMap><navPoint><navLabel><text>X</text></navLabel><content src="../../etc/passwd"/></navPoint></navMap></ncx>',
				),
			}),
		],
		[
			'zip-liar.epub',
			lie(
				zipSync(epub({'a.xhtml': page(`P${' '.repeat(64 * 1024 * 1024)}`)})),
				page(`P${' '.repeat(64 * 1024 * 1024)}`).length,
				2000,
			),
		],
		[
			'zip-local-liar.epub',
			lie(
				zipSync(epub({'a.xhtml': page(`P${' '.repeat(32 * 1024 * 1024)}`)})),
				page(`P${' '.repeat(32 * 1024 * 1024)}`).length,
				2000,
				'local',
			),
		],
		[
			'zip-many.epub',
			zipSync({
				...epub({'a.xhtml': page('x')}),
				...Object.fromEntries(
					Array.from({length: 10_001}, (_, index) => [`f${index}`, new Uint8Array(0)]),
				),
			}),
		],
		[
			'utf16-nobom.txt',
			new Uint8Array(Buffer.from('Chapter 1\n\nWords in UTF-16 without a mark.\n', 'utf16le')),
		],
		['binary.txt', new Uint8Array(Array.from({length: 4096}, (_, index) => (index * 37) % 256))],
		['empty.txt', ''],
		['one-line.txt', `${'word '.repeat(4_000_000)}\n`],
		['planted.txt', planted],
		[
			'planted.html',
			`<html><head><title>T${osc}</title></head><body><h1>C${osc}</h1><p>${planted}</p></body></html>`,
		],
		['planted.md', `# T${osc}\n\n${planted}`],
		[
			'planted.epub',
			zipSync(
				epub(
					{'a.xhtml': page(`<h1>${osc}</h1><p>${planted}</p>`)},
					`<dc:creator>${osc}</dc:creator>`,
				),
			),
		],
		[
			'planted-bidi.txt',
			`Chapter 1\u202E gninrael\n\nA line \u202Ereversed\u202C and \u2066isolated\u2069, \u0085 C1 \u009D0;PWNED\u009C and \u0007 bell.\n`,
		],
		[
			'planted-meta.md',
			`---\ntitle: "T${osc}"\nauthor: "A\u001B[6n"\ntags: [one\u001BP+q\u001B\\\\, two\u001B_apc\u001B\\\\]\nsummary: "S\u009B31m red"\n---\n\n# C\u001B]8;;http://x\u0007link\u001B]8;;\u0007\n\nText.\n`,
		],
		[`${osc}.txt`, 'Chapter 1\n\nA work whose name is hostile.\n'],
		['latin1.txt', new Uint8Array([...encoder.encode('Chapter 1\n\nCaf'), 0xe9, 0x0a])],
		['nul-heavy.txt', `Chapter 1\n\n${'\u0000x'.repeat(100_000)}\n`],
	];
	const paths = files.map(([name, content]) => {
		const path = join(folder, name);
		writeFileSync(path, content);
		return path;
	});
	const fifo = join(folder, 'fifo.txt');
	execFileSync('mkfifo', [fifo]);
	return [...paths, fifo, '/dev/zero', '/dev/urandom', join(folder, 'missing.txt'), folder].filter(
		chosen,
	);
}

/** A reading sample long enough to open from a preview (over 2 MB), in short paragraphs. */
export function writeLongWork(path: string): void {
	const chapter = (number: number) =>
		`Chapter ${number}\n\n${many(400, (index) => `Paragraph ${index} of chapter ${number}, a line of words to read.\n\n`)}`;
	writeFileSync(
		path,
		many(80, (index) => chapter(index + 1)),
	);
}
