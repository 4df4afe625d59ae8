import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {BookmarksOverlay} from '../../source/ui/BookmarksOverlay.tsx';
import {TextLine} from '../../source/ui/TextLine.tsx';
import {TocOverlay} from '../../source/ui/TocOverlay.tsx';
import {tocRowsFrom, type TocEntry} from '../../source/work/toc-index.ts';

// ink-testing-library writes to no terminal, so chalk's colour level is 0 here, as under
// --no-color: every attribute Ink draws through chalk is gone, and only ours are left.
const reverse = '\u001B[7m';

async function frameOf(element: React.ReactElement): Promise<string> {
	const {lastFrame, unmount} = render(element);
	await new Promise((resolve) => setImmediate(resolve));
	const frame = lastFrame() ?? '';
	unmount();
	return frame;
}

test('the search match stays in reverse video with colour on and off', async () => {
	const line = {text: 'the cat slept', runs: [], indent: 0};
	for (const color of [true, false]) {
		const frame = await frameOf(
			<TextLine line={line as never} margin={0} highlights={[[4, 7]]} color={color} />,
		);
		assert.ok(frame.includes(`${reverse}cat\u001B[27m`), JSON.stringify(frame));
	}
});

test('the contents and bookmarks cursors stay in reverse video without colour', async () => {
	const entries: TocEntry[] = [
		{kind: 'chapter', label: 'One', words: 10, start: 0, chapter: 0, depth: 0},
		{kind: 'chapter', label: 'Two', words: 10, start: 5, chapter: 1, depth: 0},
	];
	const toc = await frameOf(
		<TocOverlay entries={tocRowsFrom(entries)} cursor={1} current={0} rows={10} columns={40} />,
	);
	const cursorRow = toc.split('\n').find((row) => row.includes('Two'))!;
	assert.ok(cursorRow.includes(reverse), JSON.stringify(cursorRow));
	assert.ok(
		!toc
			.split('\n')
			.find((row) => row.includes('One'))!
			.includes(reverse),
	);
	const marks = [
		{anchor: {block: 0, offset: 0}, label: 'First mark', snippet: 'a'},
		{anchor: {block: 3, offset: 0}, label: 'Second mark', snippet: 'b'},
	];
	const bookmarks = await frameOf(
		<BookmarksOverlay marks={marks as never} cursor={0} rows={10} columns={40} />,
	);
	assert.ok(
		bookmarks
			.split('\n')
			.find((row) => row.includes('First'))!
			.includes(reverse),
	);
});

test('italic, bold and strike-through stay without colour, and no attribute runs on past its text', async () => {
	const line = {
		text: 'a kept struck bold end',
		runs: [
			{start: 2, end: 6, style: 'italic'},
			{start: 7, end: 13, style: 'strike'},
			{start: 14, end: 18, style: 'bold'},
		],
		indent: 0,
		tone: 'note',
	};
	const frame = await frameOf(
		<TextLine line={line as never} margin={0} highlights={[]} color={false} />,
	);
	// Ink writes each character's attributes with the fewest codes: dim throughout, the rest inside.
	for (const piece of [
		'\u001B[2ma ',
		'\u001B[3mkept\u001B[23m',
		'\u001B[9mstruck\u001B[29m',
		// Bold and dim share one "off": the note's dimness is given again after the bold word.
		'\u001B[1mbold\u001B[22m\u001B[2m end\u001B[22m',
	])
		assert.ok(frame.includes(piece), JSON.stringify(frame));
});

test('inline code stands apart: in colour where colour is on, dimmed where it is off', async () => {
	const line = {text: 'run ls now', runs: [{start: 4, end: 6, style: 'code'}], indent: 0};
	const colored = await frameOf(
		<TextLine line={line as never} margin={0} highlights={[]} color={true} />,
	);
	assert.ok(colored.includes('\u001B[33mls\u001B[39m'), JSON.stringify(colored));
	const plain = await frameOf(
		<TextLine line={line as never} margin={0} highlights={[]} color={false} />,
	);
	assert.ok(plain.includes('\u001B[2mls\u001B[22m'), JSON.stringify(plain));
});
