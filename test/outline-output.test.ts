import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
	outlineJson,
	outlineJsonLines,
	outlineText,
	outlineTextLines,
} from '../source/outline-output.ts';
import {outlineOf} from '../source/work/outline.ts';
import {storyWords} from '../source/work/progress.ts';
import type {Work} from '../source/work/types.ts';
import {generatedText, workOf} from './helpers/works.ts';

/** The outline as one JSON.stringify of the whole: what `--toc --json` printed before it streamed. */
function wholeJson(work: Work): string {
	const {title, authors, ...meta} = work.meta;
	return JSON.stringify(
		{
			id: work.id,
			format: work.format,
			title,
			authors,
			meta,
			summary: work.summary,
			notes: work.notes,
			endNotes: work.endNotes,
			words: storyWords(work),
			chapters: outlineOf(work).map((chapter) => ({
				title: chapter.title,
				words: chapter.words,
				...(chapter.depth > 0 ? {depth: chapter.depth} : {}),
				...(chapter.parts.length > 0 ? {parts: chapter.parts} : {}),
				sections: chapter.sections.map(({words, opening}) => ({words, opening})),
			})),
			warnings: work.warnings,
		},
		undefined,
		2,
	);
}

test('the JSON outline, written chapter by chapter, is the JSON of the whole outline', () => {
	for (const work of [
		workOf(generatedText(3)),
		workOf('One paragraph and no chapters.\n'),
		workOf('# T\n\n## Part \\u0000chapters\n\nA "quoted" line.\n\n## Two\n\nMore.\n', 'a.md'),
	]) {
		assert.equal(outlineJson(work), wholeJson(work));
		assert.deepEqual(JSON.parse(outlineJson(work)), JSON.parse(wholeJson(work)));
	}
});

test('an outline is made as it is written: its first lines come before later chapters are read', () => {
	// A work of 200,000 chapters built its whole outline, and then its whole text, before writing.
	const work = workOf(generatedText(50));
	let furthest = -1;
	const watched: Work = {
		...work,
		chapters: new Proxy(work.chapters, {
			get(target, key, receiver) {
				if (typeof key === 'string' && /^\d+$/.test(key))
					furthest = Math.max(furthest, Number(key));
				return Reflect.get(target, key, receiver) as unknown;
			},
		}),
	};
	for (const lines of [outlineTextLines(watched), outlineJsonLines(watched)]) {
		furthest = -1;
		for (let count = 0; count < 5; count++) lines.next();
		assert.ok(furthest < 5, `read up to chapter ${furthest}`);
	}

	assert.equal(outlineText(watched).split('\n').length, [...outlineTextLines(work)].length);
});
