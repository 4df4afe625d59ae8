// Fuzzing the parsers and the layout: any input either loads or fails with a LoadError; nothing
// loaded holds a control character, and no laid-out line is wider than its width.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {fuzzRuns} from '../helpers/fuzz.ts';
import stringWidth from 'string-width';
import {Layout} from '../../source/layout/layout.ts';
import {printLines} from '../../source/layout/print-lines.ts';
import {LoadError} from '../../source/work/decode.ts';
import {workFromBytes} from '../../source/formats/open-work.ts';
import type {Work} from '../../source/work/types.ts';
import {writers} from '../helpers/writers.ts';

const segmenter = new Intl.Segmenter();
const control = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const pieces = [
	'\u001B[31m',
	'\u001B]0;title\u0007',
	'\u001B]8;;http://x\u001B\\',
	'\u001BP',
	'\u001B',
	'\u009B2J',
	'\u0007',
	'\r',
	'\r\n',
	'\n',
	'\n\n',
	'\t',
	'Chapter 1',
	'Chapter Text',
	'Work Text:',
	'Summary:',
	'Notes:',
	'Rating:',
	'* * *',
	'oOo',
	'\u00A0',
	'<p>',
	'</p>',
	'<em>',
	'</b>',
	'<hr/>',
	'<h2>',
	'&amp;',
	'&#27;',
	'&#x9b;',
	'<div class="userstuff">',
	'<blockquote>',
	'<br>',
	'# ',
	'**',
	'_',
	'日本語',
	'😀',
	'é',
	'word',
	' ',
	'A long sentence of ordinary prose.',
];
const text = fc
	.array(
		fc.oneof(
			fc.constantFrom(...pieces),
			fc.string({maxLength: 8}),
			fc.string({unit: 'grapheme', maxLength: 6}),
		),
		{maxLength: 80},
	)
	.map((parts) => parts.join(''));

function check(work: Work, width: number): void {
	for (const block of work.blocks)
		assert.doesNotMatch(
			block.text.replaceAll('\n', '').replaceAll('\t', ''),
			control,
			JSON.stringify(block.text),
		);
	for (const value of Object.values(work.meta))
		assert.doesNotMatch(
			JSON.stringify(value ?? ''),
			/\\u00(0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])/i,
		);
	for (const chapter of work.chapters) assert.doesNotMatch(chapter.title, control);
	for (const line of printLines(work, width)) {
		assert.doesNotMatch(line, control);
		// Only a single character (grapheme) wider than the whole width may stick out: it cannot be split.
		const graphemes = [...segmenter.segment(line.replace(/^ +| +$/g, ''))].filter(
			({segment}) => stringWidth(segment) > 0,
		).length;
		assert.ok(
			stringWidth(line) <= width || graphemes === 1,
			`${JSON.stringify(line)} is wider than ${width}`,
		);
	}

	const layout = new Layout(work, width);
	const end = layout.endAnchor(10);
	assert.ok(layout.linesFrom(end, 10).length > 0);
	const start = layout.anchorOf(layout.positionOf({block: 0, offset: 0}));
	assert.deepEqual(layout.scroll(layout.scroll(start, 7, 10), -7, 10), start);
}

function load(bytes: Uint8Array, path: string): Work | undefined {
	try {
		return workFromBytes(bytes, path);
	} catch (error) {
		if (error instanceof LoadError) return undefined;
		throw error;
	}
}

for (const extension of ['txt', 'md', 'html']) {
	test(`fuzz .${extension}: no throw but LoadError, no control character out, no line too wide`, () => {
		fc.assert(
			fc.property(text, fc.integer({min: 1, max: 100}), (source, width) => {
				const work = load(
					new TextEncoder().encode(
						extension === 'html' ? `<!DOCTYPE html><html><body>${source}</body></html>` : source,
					),
					`fuzz.${extension}`,
				);
				if (work) check(work, width);
			}),
			fuzzRuns(300),
		);
	});
}

test('fuzz raw bytes, UTF-16 included: no throw but LoadError', () => {
	fc.assert(
		fc.property(
			fc.uint8Array({maxLength: 400}),
			fc.constantFrom('', '\uFEFF'),
			fc.integer({min: 1, max: 80}),
			(bytes, bom, width) => {
				const work = load(bom ? new Uint8Array([0xff, 0xfe, ...bytes]) : bytes, 'bytes.txt');
				if (work) check(work, width);
			},
		),
		fuzzRuns(300),
	);
});

test('fuzz the text inside every format writer, EPUB included', () => {
	const story = fc.record({
		title: text,
		author: fc.constantFrom('x', 'y\u001B[31m'),
		chapters: fc.array(
			fc.record({
				title: text,
				scenes: fc.array(fc.array(text, {minLength: 1, maxLength: 3}), {
					minLength: 1,
					maxLength: 2,
				}),
			}),
			{minLength: 1, maxLength: 3},
		),
	});
	fc.assert(
		fc.property(
			story,
			fc.constantFrom(...Object.keys(writers)),
			fc.integer({min: 1, max: 90}),
			(generated, format, width) => {
				const file = writers[format]!(generated);
				const work = load(
					typeof file === 'string' ? new TextEncoder().encode(file) : file,
					format === 'epub' ? 'x.epub' : 'x.txt',
				);
				if (work) check(work, width);
			},
		),
		fuzzRuns(200),
	);
});
