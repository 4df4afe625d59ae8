import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../source/app.tsx';
import {Book} from '../source/reader/book.ts';
import {initialState} from '../source/reader/state.ts';
import {loadWork} from '../source/formats/read-work-file.ts';
import {generatedText, workOf} from './helpers/works.ts';

const size = {columns: 80, rows: 20};

function mount(work = workOf(generatedText(4, 3))) {
	const book = new Book(work);
	const moves: unknown[] = [];
	let quit = false;
	const app = render(
		<App
			book={book}
			initial={initialState(size)}
			size={size}
			color={false}
			onMove={(anchor) => moves.push(anchor)}
			onQuit={() => {
				quit = true;
			}}
		/>,
	);
	return {app, book, moves, isQuit: () => quit};
}

async function until(check: () => boolean, what: string): Promise<void> {
	for (let tries = 0; tries < 200; tries++) {
		if (check()) return;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}

	assert.fail(`timed out waiting for ${what}`);
}

const frameLines = (frame: string | undefined) => (frame ?? '').split('\n');

test('draws exactly the terminal rows: the text and a status bar with title and percentage', async () => {
	const {app} = mount();
	await until(() => frameLines(app.lastFrame()).length === size.rows, 'a full frame');
	const lines = frameLines(app.lastFrame());
	assert.match(lines[0]!, /Chapter 1/);
	assert.match(lines.at(-1)!, /test.*0%/);
	app.unmount();
});

test('Space moves a page: the row that was third from the bottom is now at the top', async () => {
	const {app, moves} = mount();
	await until(() => frameLines(app.lastFrame()).length === size.rows, 'a frame');
	const before = frameLines(app.lastFrame());
	app.stdin.write(' ');
	await until(() => moves.length === 1, 'the move');
	await until(() => app.lastFrame() !== before.join('\n'), 'a new frame');
	const after = frameLines(app.lastFrame());
	// 19 text rows, a page of 17: rows 17 and 18 (the last two) stay as context at the top.
	assert.equal(after[0], before[17]);
	assert.equal(after[1], before[18]);
	app.unmount();
});

test('the help overlay lists the keys from the keymap and Esc closes it', async () => {
	const {app} = mount();
	app.stdin.write('?');
	await until(() => (app.lastFrame() ?? '').includes('Keys'), 'help');
	assert.match(app.lastFrame()!, /next \/ previous scene/);
	assert.match(app.lastFrame()!, /page down/);
	app.stdin.write('\u001B');
	await until(() => !(app.lastFrame() ?? '').includes('next / previous scene'), 'help to close');
	app.unmount();
});

test('the contents overlay lists chapters and scenes with word counts', async () => {
	const {app} = mount();
	app.stdin.write('t');
	await until(() => (app.lastFrame() ?? '').includes('Contents'), 'contents');
	const frame = app.lastFrame()!;
	assert.match(frame, /Contents · 4 chapters/);
	assert.match(frame, /Chapter 2 +\d+ words/);
	assert.match(frame, /C1S2P1\./);
	// Long scene openings give way to their word counts.
	for (const line of frame.split('\n').filter((row) => /C\dS\dP1\./.test(row))) {
		// The cursor's row is wrapped in reverse video's own codes.
		assert.match(line.replaceAll(/\u001B\[\d+m/g, ''), /\d+ words │$/, line);
	}

	app.unmount();
});

test('the search prompt shows in the status bar and a match is highlighted', async () => {
	const {app} = mount();
	app.stdin.write('/');
	await until(() => frameLines(app.lastFrame()).at(-1)!.startsWith('/'), 'the prompt');
	app.stdin.write('C3S1P2');
	await until(() => frameLines(app.lastFrame()).at(-1)!.includes('/C3S1P2'), 'the typed query');
	app.stdin.write('\r');
	await until(() => frameLines(app.lastFrame()).at(-1)!.includes('1/1'), 'the match count');
	assert.match(frameLines(app.lastFrame())[0]!, /C3S1P2/);
	app.unmount();
});

test('the front page folds additional tags until a is pressed', async () => {
	const work = loadWork(
		new URL('../works/the-lighthouse-keepers-daughter.txt', import.meta.url).pathname,
	);
	const {app} = mount(work);
	await until(() => (app.lastFrame() ?? '').includes('Tags: hidden'), 'folded tags');
	assert.doesNotMatch(app.lastFrame()!, /Slow Burn/);
	app.stdin.write('a');
	await until(() => (app.lastFrame() ?? '').includes('Slow Burn'), 'the tags');
	app.unmount();
});

test('q quits and reports the final state', async () => {
	const {app, isQuit} = mount();
	app.stdin.write('q');
	await until(isQuit, 'quit');
	app.unmount();
});

test('the about overlay shows the work’s metadata; bookmarks list what m added', async () => {
	const work = loadWork(
		new URL('../works/the-lighthouse-keepers-daughter.txt', import.meta.url).pathname,
	);
	const {app} = mount(work);
	app.stdin.write('i');
	await until(() => (app.lastFrame() ?? '').includes('About this work'), 'the about overlay');
	assert.match(app.lastFrame()!, /Rating +General Audiences/);
	assert.match(app.lastFrame()!, /Chapters +3\/3/);
	assert.match(app.lastFrame()!, /Tags +7 hidden/);
	app.stdin.write('i');
	await until(() => !(app.lastFrame() ?? '').includes('About this work'), 'it to close');
	app.stdin.write('}');
	await until(() => frameLines(app.lastFrame())[0]!.includes('Chapter 1'), 'chapter 1');
	app.stdin.write('m');
	await until(() => (app.lastFrame() ?? '').includes('Bookmarked'), 'the bookmark');
	app.stdin.write("'");
	await until(() => (app.lastFrame() ?? '').includes('Bookmarks · 1'), 'the bookmarks overlay');
	assert.match(app.lastFrame()!, /Chapter 1: The Reef/);
	app.unmount();
});
