import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {TocOverlay} from '../../source/ui/TocOverlay.tsx';
import {tocRowsFrom, type TocEntry} from '../../source/work/toc-index.ts';

test('the contents show parts as rows above their chapters, nested chapters indented', () => {
	const entries: TocEntry[] = [
		{kind: 'part', label: 'PART ONE', words: 0, start: 0, chapter: 0, depth: 0},
		{kind: 'chapter', label: 'The Net Mender', words: 1200, start: 0, chapter: 0, depth: 1},
		{kind: 'chapter', label: 'The Lamp', words: 800, start: 9, chapter: 1, depth: 1},
	];
	const {lastFrame} = render(
		<TocOverlay entries={tocRowsFrom(entries)} cursor={1} current={1} rows={12} columns={50} />,
	);
	const lines = (lastFrame() ?? '').split('\n');
	assert.match(lastFrame() ?? '', /Contents · 2 chapters/);
	const part = lines.find((line) => line.includes('PART ONE'))!;
	const chapter = lines.find((line) => line.includes('The Lamp'))!;
	assert.doesNotMatch(part, /\d+ w/);
	assert.ok(chapter.indexOf('The Lamp') > part.indexOf('PART ONE'), `${part}\n${chapter}`);
	assert.match(chapter, /800 words/);
});

test('the chapter being read is not ticked while one of its scenes is the place; earlier ones are', () => {
	const entries: TocEntry[] = [
		{kind: 'chapter', label: 'The Reef', words: 400, start: 0, chapter: 0, depth: 0},
		{kind: 'chapter', label: 'Letters', words: 380, start: 9, chapter: 1, depth: 0},
		{kind: 'section', label: 'His name was Ezra', words: 170, start: 10, chapter: 1, depth: 0},
		{kind: 'section', label: 'She found him', words: 120, start: 14, chapter: 1, depth: 0},
		{kind: 'chapter', label: 'The Light', words: 280, start: 20, chapter: 2, depth: 0},
	];
	const {lastFrame} = render(
		<TocOverlay entries={tocRowsFrom(entries)} cursor={3} current={3} rows={12} columns={50} />,
	);
	const line = (label: string) =>
		(lastFrame() ?? '').split('\n').find((row) => row.includes(label))!;
	assert.match(line('The Reef'), /✓ The Reef/);
	assert.doesNotMatch(line('Letters'), /✓/);
	assert.match(line('His name was Ezra'), /✓/);
	assert.match(line('She found him'), /▸/);
	assert.doesNotMatch(line('The Light'), /✓|▸/);
});
