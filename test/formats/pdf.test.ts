// PDFs: text reflowed into paragraphs, chapters from the outline or the headings, page furniture
// dropped, hyphenation undone only for known words, and hostile files refused in one line.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {isPdf, openWorkBytes} from '../../source/formats/open-work.ts';
import {LoadError} from '../../source/work/decode.ts';
import type {Work} from '../../source/work/types.ts';
import {pdfOf, storyPdf, type PdfLineSpec} from '../helpers/pdf-writer.ts';
import {zipFolder} from '../helpers/epub.ts';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;

const story = {
	title: 'The Salt Road',
	author: 'ficterm tests',
	chapters: [1, 2, 3].map((number) => ({
		title: `Chapter ${number}`,
		scenes: [0, 1].map((scene) =>
			Array.from(
				{length: 12},
				(_, index) =>
					`Paragraph ${index} of scene ${scene} in chapter ${number} walks along the salt road, past the ` +
					`ditches and the low grey houses where the wind comes in from the marsh every evening without fail.`,
			),
		),
	})),
};

const storyText = (work: Work) =>
	work.blocks.filter((block) => block.part === 'story' && block.kind === 'paragraph');

test('a typeset story reads back as its chapters, paragraphs and scenes, without headers or page numbers', async () => {
	const work = await openWorkBytes(storyPdf(story), 'salt-road.pdf');
	assert.equal(work.format, 'pdf');
	assert.equal(work.meta.title, 'The Salt Road');
	assert.deepEqual(work.meta.authors, ['ficterm tests']);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Chapter 1', 'Chapter 2', 'Chapter 3'],
	);
	const expected = story.chapters.flatMap((chapter) => chapter.scenes.flat());
	assert.deepEqual(
		storyText(work).map((block) => block.text),
		expected,
	);
	assert.equal(work.sections.length, 6);
	assert.equal(
		work.blocks.filter((block) => block.kind === 'break').length,
		3,
		'one scene break per chapter',
	);
});

test('without an outline, the chapters come from the larger headings', async () => {
	const work = await openWorkBytes(storyPdf(story, {outline: false}), 'salt-road.pdf');
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Chapter 1', 'Chapter 2', 'Chapter 3'],
	);
	assert.equal(storyText(work).length, 72);
});

const page = (lines: Array<[string, PdfLineSpec['font']?]>, x = 72): PdfLineSpec[] =>
	lines.map(([text, font], index) => ({text, x, y: 700 - index * 14, font}));

test('italics and bold come from the fonts’ names', async () => {
	const work = await openWorkBytes(
		pdfOf({
			pages: [
				[
					{text: 'She said it was', x: 72, y: 700},
					{text: 'never', x: 150, y: 700, font: 'F2'},
					{text: 'so', x: 182, y: 700},
					{text: 'loud.', x: 196, y: 700, font: 'F3'},
				],
			],
		}),
		'styles.pdf',
	);
	const [block] = storyText(work);
	assert.equal(block!.text, 'She said it was never so loud.');
	const styled = (style: string) =>
		block!
			.styles!.filter((run) => run.style === style)
			.map((run) => block!.text.slice(run.start, run.end));
	assert.deepEqual(styled('italic'), ['never']);
	assert.deepEqual(styled('bold'), ['loud.']);
});

test('a word hyphenated across lines is joined only when the joined word occurs elsewhere', async () => {
	const work = await openWorkBytes(
		pdfOf({
			pages: [
				page([
					['The present was wrapped in paper. She kept the pre-'],
					['sent for later, and a well-'],
					['known song played on. Nobody was pre-'],
					['pared for the rest.'],
				]),
			],
		}),
		'hyphens.pdf',
	);
	assert.equal(
		storyText(work)[0]!.text,
		'The present was wrapped in paper. She kept the present for later, and a well-known song played on. Nobody was pre-pared for the rest.',
	);
});

test('paragraphs are told apart by gaps as well as by indents, and across pages', async () => {
	const work = await openWorkBytes(
		pdfOf({
			pages: [
				[
					{
						text: 'First paragraph, which is long enough to reach the right-hand side of the page at last.',
						x: 72,
						y: 700,
					},
					{text: 'It ends here.', x: 72, y: 686},
					{
						text: 'Second paragraph after a gap, long enough to reach the right-hand side of the page too.',
						x: 72,
						y: 660,
					},
					{
						text: 'Its last line runs on to the next page, which is what paragraphs do in printed books and',
						x: 72,
						y: 646,
					},
				],
				[
					{text: 'so on. A third paragraph follows after a gap.', x: 72, y: 700},
					{text: 'Third.', x: 72, y: 674},
				],
			],
		}),
		'gaps.pdf',
	);
	assert.deepEqual(
		storyText(work).map((block) => block.text),
		[
			'First paragraph, which is long enough to reach the right-hand side of the page at last. It ends here.',
			'Second paragraph after a gap, long enough to reach the right-hand side of the page too. Its last line runs on to the next page, which is what paragraphs do in printed books and so on. A third paragraph follows after a gap.',
			'Third.',
		],
	);
});

async function rejection(bytes: Uint8Array): Promise<unknown> {
	try {
		await openWorkBytes(bytes, 'hostile.pdf');
		return undefined;
	} catch (error) {
		return error;
	}
}

test('a scanned PDF (images, no text) is refused: it has no text layer', async () => {
	const error = await rejection(pdfOf({pages: [[], []], imageOnly: true}));
	assert.ok(error instanceof LoadError);
	assert.match(error.message, /this PDF has no text layer/);
});

test('a PDF with a user password is refused in one line', async () => {
	const error = await rejection(pdfOf({pages: [page([['Secret words.']])], encrypted: true}));
	assert.ok(error instanceof LoadError);
	assert.match(error.message, /^hostile\.pdf is protected by a password$/);
});

test('a truncated PDF is read as far as it goes or refused with a LoadError, never a crash', async () => {
	const whole = readFileSync(`${fixtures}pdf/calibre-cold-iron-stars.pdf`);
	for (const share of [0.1, 0.5, 0.9]) {
		const error = await rejection(whole.subarray(0, Math.floor(whole.length * share)));
		assert.ok(error === undefined || error instanceof LoadError, String(error));
	}
});

test('a page tree that claims a million pages is read as far as it has pages', async () => {
	const bytes = pdfOf({pages: [page([['Only one page is here.']])], claimedPages: 1_000_000});
	const work = await openWorkBytes(bytes, 'huge.pdf');
	assert.equal(storyText(work)[0]!.text, 'Only one page is here.');
});

test('a deeply nested outline is read to a bounded depth', async () => {
	type Entry = {title: string; page: number; y: number; children?: Entry[]};
	let outline: Entry[] = [{title: 'Deepest', page: 0, y: 700}];
	for (let depth = 0; depth < 300; depth++)
		outline = [{title: `Level ${depth}`, page: 0, y: 700, children: outline}];
	const work = await openWorkBytes(
		pdfOf({pages: [page([['Words under a deep outline.']])], outline}),
		'deep.pdf',
	);
	assert.equal(storyText(work)[0]!.text, 'Words under a deep outline.');
	assert.ok(work.chapters.length <= 8);
});

test('a PDF is known by its header within the first kilobyte, whatever its name', () => {
	const junk = new Uint8Array(600).fill(0x20);
	assert.ok(isPdf(Uint8Array.from([...junk, ...new TextEncoder().encode('%PDF-1.4\n')])));
	assert.ok(
		!isPdf(Uint8Array.from([...new Uint8Array(1100), ...new TextEncoder().encode('%PDF-')])),
	);
	assert.ok(!isPdf(new TextEncoder().encode('A story that mentions %PDF only in passing.')));
	assert.ok(!isPdf(new TextEncoder().encode('A readme that names the %PDF- header.')));
});

function paragraphsOf(work: Work): string[] {
	return storyText(work).map((block) =>
		block.text.replaceAll(/[“”]/g, '"').replaceAll(/[‘’]/g, "'"),
	);
}

/**
 * The tolerance, as the readme states it: the same chapters, in order, with the same titles, and
 * every paragraph of the EPUB's story present, whole and in order, in the PDF's chapter; the PDF
 * may hold more (calibre prints the EPUB's non-linear cover page at its end).
 */
function assertSameStory(pdf: Work, epub: Work): void {
	assert.deepEqual(
		pdf.chapters.map((chapter) => chapter.title),
		epub.chapters.map((chapter) => chapter.title),
	);
	for (const [index, chapter] of epub.chapters.entries()) {
		const within = (work: Work, range: {start: number; end: number}) =>
			paragraphsOf({...work, blocks: work.blocks.slice(range.start, range.end)});
		const found = within(pdf, pdf.chapters[index]!);
		let at = 0;
		for (const paragraph of within(epub, chapter)) {
			const next = found.indexOf(paragraph, at);
			assert.ok(next >= 0, `missing from the PDF: ${paragraph}`);
			at = next + 1;
		}
	}
}

test('the same story as EPUB and as calibre’s PDF of it: same chapters, every paragraph present', async () => {
	const epub = await openWorkBytes(zipFolder(`${fixtures}epub/cold-iron-stars.epub.d`), 'x.epub');
	const pdf = await openWorkBytes(
		readFileSync(`${fixtures}pdf/calibre-cold-iron-stars.pdf`),
		'x.pdf',
	);
	assertSameStory(pdf, epub);
	assert.equal(pdf.sections.length, epub.sections.length);
});

test('an AO3 one-shot’s PDF keeps its metadata, notes and text, though its outline leads nowhere', async () => {
	const html = await openWorkBytes(
		readFileSync(`${fixtures}ao3-html/one-shot.html`),
		'one-shot.html',
	);
	const pdf = await openWorkBytes(readFileSync(`${fixtures}pdf/ao3-one-shot.pdf`), 'x.pdf');
	assertSameStory(pdf, html);
	assert.equal(pdf.id, html.id);
	assert.deepEqual(pdf.meta, html.meta);
	assert.equal(pdf.summary, html.summary);
	assert.equal(pdf.notes, html.notes);
	assert.equal(pdf.endNotes, html.endNotes);
});

test('an AO3 work’s PDF keeps its AO3 metadata, notes and id, as its EPUB does', async () => {
	const epub = await openWorkBytes(
		zipFolder(`${fixtures}ao3-epub/cold-iron-stars.epub.d`),
		'x.epub',
	);
	const pdf = await openWorkBytes(readFileSync(`${fixtures}pdf/ao3-cold-iron-stars.pdf`), 'x.pdf');
	assertSameStory(pdf, epub);
	assert.equal(pdf.id, epub.id);
	assert.deepEqual(
		{...pdf.meta, authors: pdf.meta.authors.toSorted()},
		{...epub.meta, authors: epub.meta.authors.toSorted()},
	);
	assert.equal(pdf.summary, epub.summary);
	assert.equal(pdf.notes, epub.notes);
	assert.equal(pdf.endNotes, epub.endNotes);
});
