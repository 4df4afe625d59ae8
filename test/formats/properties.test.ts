// Property tests: for generated works in every format, no story word is lost, duplicated or
// reordered between the file and what --print shows.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {fuzzRuns} from '../helpers/fuzz.ts';
import {printLines} from '../../source/layout/print-lines.ts';
import {workFromBytes} from '../../source/formats/open-work.ts';
import {extensions, fanficfareCoAuthors, writers, type Story} from '../helpers/writers.ts';

const vocabulary = [
	'the',
	'rain',
	'fell',
	'Maren',
	'said',
	'quietly,',
	'and',
	'then',
	'“no”',
	'it’s',
	'café',
	'naïve',
	'日本語',
	'テキスト',
	'😀',
	'long-awaited',
	'o’clock',
	'stars.',
	'Why?',
	'(again)',
	'über',
	'Ελλάδα',
	'город',
	'3.14',
];
// A paragraph of symbols alone ("😀 😀 😀") is a scene divider by design, so each starts with a word.
const paragraph = fc
	.tuple(
		fc.constantFrom('Rain', 'Maren', 'Then'),
		fc.array(fc.constantFrom(...vocabulary), {minLength: 2, maxLength: 60}),
	)
	.map(([first, words]) => [first, ...words].join(' '));
const story: fc.Arbitrary<Story> = fc.record({
	title: fc.constantFrom('Generated Tale', 'Stars and Rain'),
	author: fc.constantFrom('writer', 'someone'),
	chapters: fc.array(
		fc.record({
			// The long title is wrapped over two lines in FanFicFare's TXT, after its 8-space indent.
			title: fc.constantFrom(
				'Beginning',
				'Middle Part',
				'The End',
				'In Which a Chapter Title Is Long Enough for Python’s textwrap to Carry It Over',
			),
			scenes: fc.array(fc.array(paragraph, {minLength: 1, maxLength: 4}), {
				minLength: 1,
				maxLength: 3,
			}),
		}),
		{minLength: 1, maxLength: 4},
	),
});

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

function isSubsequence(needle: string[], haystack: string[]): boolean {
	let at = 0;
	for (const word of haystack) if (word === needle[at]) at++;
	return at === needle.length;
}

for (const format of Object.keys(writers)) {
	test(`${format}: every story word survives parsing and printing, once and in order`, () => {
		fc.assert(
			fc.property(story, fc.integer({min: 20, max: 120}), (generated, width) => {
				const file = writers[format]!(generated);
				const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
				const work = workFromBytes(bytes, `story.${extensions[format]}`);
				assert.equal(work.format === 'epub' ? 'epub' : work.format, format);
				const expected = generated.chapters.flatMap((chapter) =>
					chapter.scenes.flat().flatMap(wordsOf),
				);
				const story = work.blocks
					.filter(
						(block) => block.part === 'story' && block.kind !== 'heading' && block.kind !== 'break',
					)
					.flatMap((block) => wordsOf(block.text));
				assert.deepEqual(story, expected);
				assert.equal(work.chapters.length, generated.chapters.length);
				if (format === 'fff-txt') {
					assert.equal(work.meta.title, generated.title);
					assert.deepEqual(work.meta.authors, [generated.author, ...fanficfareCoAuthors]);
				}

				const printed = wordsOf([...printLines(work, width)].join('\n'));
				assert.ok(isSubsequence(expected, printed), 'the printed text holds the story in order');
				const count = (words: string[], word: string) =>
					words.filter((other) => other === word).length;
				for (const word of new Set(expected))
					assert.ok(count(printed, word) >= count(expected, word));
			}),
			fuzzRuns(40),
		);
	});
}
