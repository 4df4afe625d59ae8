// A long PDF opens on its first pages: a preview under the whole work's id whose blocks are the
// whole work's first blocks, so that the reader's place carries over when the whole arrives.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {openingOf, openWorkBytes} from '../../source/formats/open-work.ts';
import {outlineJson} from '../../source/outline-output.ts';
import type {Work} from '../../source/work/types.ts';
import {generatedStory} from '../bench/generate.ts';
import {storyPdf} from '../helpers/pdf-writer.ts';

const front = ['Cover', 'Title Page', 'Copyright'].map((title) => ({
	title,
	scenes: [[`${title} of the book, set on a page of its own.`]],
}));

function assertPrefix(preview: Work, whole: Work): void {
	assert.equal(preview.partial, true);
	assert.equal(preview.id, whole.id);
	assert.ok(preview.blocks.length > 20 && preview.blocks.length < whole.blocks.length / 4);
	// The last block may be a paragraph cut at the foot of the last page read.
	for (const [index, block] of preview.blocks.slice(0, -1).entries())
		assert.deepEqual(
			[block.kind, block.text],
			[whole.blocks[index]!.kind, whole.blocks[index]!.text],
			`block ${index}`,
		);
	assert.ok(preview.chapters.length > 0);
	for (const [index, chapter] of preview.chapters.entries()) {
		assert.equal(chapter.title, whole.chapters[index]!.title);
		assert.equal(chapter.start, whole.chapters[index]!.start);
	}
}

for (const outline of [true, false]) {
	test(`a long PDF ${outline ? 'with' : 'without'} an outline opens on a preview of its first pages`, async () => {
		const story = generatedStory(40_000);
		const bytes = storyPdf({...story, chapters: [...front, ...story.chapters]}, {outline});
		const preview = await openingOf({bytes}, 'long.pdf');
		const whole = await openWorkBytes(bytes, 'long.pdf');
		assertPrefix(preview, whole);
	});
}

test('a PDF of a few pages is read whole at once', async () => {
	const path = new URL('../fixtures/pdf/ao3-cold-iron-stars.pdf', import.meta.url).pathname;
	const file = {bytes: new Uint8Array(readFileSync(path))};
	const opened = await openingOf(file, path);
	assert.equal(opened.partial, undefined);
	assert.equal(outlineJson(opened), outlineJson(await openWorkBytes(readFileSync(path), path)));
});
