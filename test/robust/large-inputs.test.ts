// Inputs with more headings, paragraphs or spine items than a function call takes arguments: each
// loads (no spread of an unbounded array into a call), and says what it skipped in one line.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {zipSync} from 'fflate';
import {openEpub} from '../../source/formats/epub-container.ts';
import {ZipEntries} from '../../source/formats/zip-entries.ts';
import {parseInlineMarkup} from '../../source/formats/inline-markup.ts';
import {openingOf, previewFromBytes, workFromBytes} from '../../source/formats/open-work.ts';

const encoder = new TextEncoder();
const count = 200_000;
const many = (make: (index: number) => string) =>
	Array.from({length: count}, (_, index) => make(index)).join('');

/** An EPUB's container and a package whose manifest and spine list `names`, without the documents. */
function epubPackage(names: string[]): Record<string, Uint8Array> {
	const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata><manifest>${names.map((name, index) => `<item id="i${index}" href="${name}" media-type="application/xhtml+xml"/>`).join('')}</manifest><spine>${names.map((_, index) => `<itemref idref="i${index}"/>`).join('')}</spine></package>`;
	return {
		mimetype: encoder.encode('application/epub+zip'),
		'META-INF/container.xml': encoder.encode(
			'<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>',
		),
		'content.opf': encoder.encode(opf),
	};
}

test('Markdown with 200,000 headings loads', () => {
	const work = workFromBytes(
		encoder.encode(many((index) => `## Part ${index}\n\nText.\n\n`)),
		'many.md',
	);
	assert.equal(work.chapters.length, count);
});

test('HTML with 200,000 headings loads', () => {
	const html = `<html><body>${many((index) => `<h2>Part ${index}</h2><p>Text.</p>`)}</body></html>`;
	const work = workFromBytes(encoder.encode(html), 'many.html');
	assert.equal(work.chapters.length, count);
});

test('a FanFicFare HTML chapter of 200,000 paragraphs loads', () => {
	const html = `<html><head><title>Long by Someone</title></head><body><h1>Long by Someone</h1><div><b>Status:</b> Completed<br/></div><a name="section0001"><h2>One</h2></a>${many((index) => `<p>Line ${index}.</p>`)}</body></html>`;
	const work = workFromBytes(encoder.encode(html), 'long.html');
	assert.equal(work.format, 'fff-html');
	assert.ok(work.blocks.filter((block) => block.text.startsWith('Line ')).length === count);
});

test('an EPUB whose spine names 200,000 documents, most missing, loads with one warning', () => {
	const names = Array.from({length: count}, (_, index) => `s${index}.xhtml`);
	const files = epubPackage(names);
	for (const name of names.slice(0, 100)) {
		files[name] = encoder.encode(
			`<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Here is ${name}.</p></body></html>`,
		);
	}

	const work = workFromBytes(zipSync(files), 'holes.epub');
	assert.match(work.blocks.at(-1)!.text, /Here is s99\.xhtml\./);
	assert.deepEqual(work.warnings, [
		'the EPUB is missing 199,900 documents (s100.xhtml, …); they were skipped',
	]);
});

test('a 600 kB paragraph of unmatched * and _ reads in linear time', () => {
	// The lazy emphasis pattern this replaces took minutes here; the scan takes well under a second.
	for (const paragraph of ['a *b _c '.repeat(75_000), '**a ~~b '.repeat(75_000)]) {
		const started = performance.now();
		const {text, styles} = parseInlineMarkup(paragraph);
		assert.equal(text, paragraph);
		assert.deepEqual(styles, []);
		assert.ok(performance.now() - started < 10_000, `${performance.now() - started} ms`);
	}
});

/** 60 documents of one word, padded to `padding` bytes each and stored: a large zip, too few words to name the work. */
function paddedEpub(padding: number): Uint8Array {
	const names = Array.from({length: 60}, (_, index) => `s${index}.xhtml`);
	const files = epubPackage(names);
	for (const name of names)
		files[name] = encoder.encode(
			`<html xmlns="http://www.w3.org/1999/xhtml"><body><p>${name}</p><!--${' '.repeat(padding)}--></body></html>`,
		);
	return zipSync(files, {level: 0});
}

test('an EPUB preview that tries more and more documents reads its package once', (t) => {
	// A spine of 200,000 items made each of the tries (1, 3, 12, 48 documents) read the package
	// again before the whole book was read anyway. Documents of 2.4 MB are left to the worker.
	const get = t.mock.method(ZipEntries.prototype, 'get');
	assert.equal(previewFromBytes(paddedEpub(40_000), 'short.epub'), undefined);
	const packageReads = get.mock.calls.filter((call) => call.arguments[0] === 'content.opf');
	assert.equal(packageReads.length, 1);
});

test('a large EPUB without a preview whose documents are small is read whole at once', async (t) => {
	// The preview has read its package, most of what the whole costs: read again in the worker,
	// a package of 200,000 items took the time and memory twice.
	const bytes = paddedEpub(10_000);
	const file: {bytes?: Uint8Array} = {bytes};
	const get = t.mock.method(ZipEntries.prototype, 'get');
	const work = await openingOf(file, 'short.epub', {wholeElsewhere: true});
	const packageReads = get.mock.calls.filter((call) => call.arguments[0] === 'content.opf');
	assert.equal(packageReads.length, 1);
	assert.ok(work && !work.partial, 'the whole work, for the reader to show without a worker');
	assert.equal(file.bytes, undefined);
	const whole = workFromBytes(bytes, 'short.epub');
	assert.equal(work.id, whole.id);
	assert.deepEqual(
		work.blocks.map((block) => block.text),
		whole.blocks.map((block) => block.text),
	);
});

/** Opens the EPUB at the path it is given in a process whose heap is capped, printing its spine's length. */
const openUnderCap = `
import {readFileSync} from 'node:fs';
import {openEpub} from ${JSON.stringify(new URL('../../source/formats/epub-container.ts', import.meta.url).pathname)};
console.log(openEpub(new Uint8Array(readFileSync(process.argv.at(-1))), 0).wholeSpine.length);
`;

test('the package of an EPUB of 200,000 spine items is read within a 72 MB heap', (t) => {
	// Every element of the package kept with its attributes and text before the manifest was read
	// from them took more than 96 MB here; read as it streams by, it takes under 48 MB.
	const folder = mkdtempSync(join(tmpdir(), 'ficterm-spine-'));
	t.after(() => rmSync(folder, {recursive: true, force: true}));
	const names = Array.from({length: count}, (_, index) => `s${index}.xhtml`);
	const files = epubPackage(names);
	files['s0.xhtml'] = encoder.encode('<html><body><p>One.</p></body></html>');
	const path = join(folder, 'spine.epub');
	writeFileSync(path, zipSync(files));
	const result = spawnSync(
		process.execPath,
		['--max-old-space-size=72', '--import', 'tsx', '--input-type=module', '-e', openUnderCap, path],
		{encoding: 'utf8'},
	);
	assert.equal(
		result.status,
		0,
		result.stderr.split('\n').find((line) => /heap/.test(line)),
	);
	assert.equal(result.stdout.trim(), '1');
});

test('an opened EPUB of 200,000 spine items, most missing, keeps nothing per item', () => {
	// A package stays open for as long as kosync may ask for element paths: a closure over the
	// spine kept all 200,000 paths, and the package text they were cut from (9 MB).
	setFlagsFromString('--expose-gc');
	const collect = runInNewContext('gc') as () => void;
	const names = Array.from({length: count}, (_, index) => `s${index}.xhtml`);
	const files = epubPackage(names);
	files['s0.xhtml'] = encoder.encode('<html><body><p>One.</p></body></html>');
	const bytes = zipSync(files);
	collect();
	const before = process.memoryUsage().heapUsed;
	const pkg = openEpub(bytes, 0);
	collect();
	const kept = process.memoryUsage().heapUsed - before;
	assert.equal(pkg.documentAt(1), 's0.xhtml');
	assert.ok(kept < 3_000_000, `${(kept / 1e6).toFixed(1)} MB kept`);
});
