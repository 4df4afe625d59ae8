import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Layout} from '../../source/layout/layout.ts';
import {generatedText, workOf} from '../helpers/works.ts';
import {assembleWork} from '../../source/work/assemble.ts';
import {chapterDraft, emptyDraft} from '../../source/work/draft.ts';

const work = workOf(generatedText(6));

test('an anchor keeps its sentence at the top across widths', () => {
	const wide = new Layout(work, 70);
	const anchor = wide.scroll({block: 0, offset: 0}, 37, 30);
	const sentence = work.blocks[anchor.block]!.text.slice(anchor.offset, anchor.offset + 20);
	for (const width of [30, 45, 100]) {
		const narrow = new Layout(work, width);
		const top = narrow.linesFrom(anchor, 1)[0]!;
		assert.equal(top.block, anchor.block);
		const lineEnd = top.offset + top.text.length;
		assert.ok(top.offset <= anchor.offset && anchor.offset <= lineEnd, `width ${width}`);
		assert.ok(work.blocks[anchor.block]!.text.slice(top.offset).includes(sentence));
	}
});

test('scrolling down then up by the same lines returns to the same place', () => {
	const layout = new Layout(work, 50);
	const start = layout.scroll({block: 0, offset: 0}, 10, 20);
	const down = layout.scroll(start, 123, 20);
	assert.deepEqual(layout.scroll(down, -123, 20), start);
});

test('the end anchor shows the last line on the last row, and scrolling stops there', () => {
	const layout = new Layout(work, 50);
	const end = layout.endAnchor(20);
	const rows = layout.linesFrom(end, 20);
	assert.equal(rows.length, 20);
	const last = rows.at(-1)!;
	assert.equal(last.block, work.blocks.length - 1);
	assert.deepEqual(layout.scroll(end, 5, 20), end);
	assert.ok(layout.atEnd(end, 20));
});

test('lines are wrapped only near the anchor, never the whole work', () => {
	const big = workOf(generatedText(400));
	const layout = new Layout(big, 60);
	layout.linesFrom(layout.endAnchor(40), 40);
	layout.linesFrom(layout.scroll({block: 0, offset: 0}, 100, 40), 40);
	assert.ok(big.blocks.length > 3000);
	assert.ok(layout.wrappedBlocks > 0 && layout.wrappedBlocks < 80, String(layout.wrappedBlocks));
});

test('a layout shows ruby readings, or leaves them out when the reader asked so', () => {
	const ruby = assembleWork({
		...emptyDraft('epub'),
		chapters: [
			chapterDraft('一', [
				{
					kind: 'paragraph',
					text: '漁師たちは港に集まった。',
					ruby: [{start: 0, end: 2, reading: 'りょうし'}],
				},
			]),
		],
	});
	const text = (layout: Layout) =>
		layout
			.linesFrom({block: 0, offset: 0}, 5)
			.map((line) => line.text)
			.join('|');
	assert.match(text(new Layout(ruby, 60)), /漁師\(りょうし\)たちは/);
	assert.match(text(new Layout(ruby, 60, false, false)), /\|漁師たちは港に集まった。/);
	// Eleven characters, each a word; the reading is not counted.
	assert.equal(ruby.wordsBefore[ruby.blocks.length], 11);
});
