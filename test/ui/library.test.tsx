import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {LibraryEntry} from '../../source/library/entries.ts';
import {Library} from '../../source/ui/Library.tsx';

const entry = (title: string, extra: Partial<LibraryEntry> = {}): LibraryEntry => ({
	path: `/works/${title}.txt`,
	shownPath: `${title}.txt`,
	title,
	authors: ['An Author'],
	fraction: 0,
	newChapters: 0,
	missing: false,
	...extra,
});

async function frameOf(element: React.JSX.Element): Promise<string> {
	const app = render(element);
	// Ink draws on the next tick; the frame is read once it is there.
	for (let tries = 0; !app.lastFrame() && tries < 100; tries++) {
		await new Promise((resolve) => setImmediate(resolve));
	}

	// The last row ends with a newline of its own.
	const frame = (app.lastFrame() ?? '').replace(/\n$/, '');
	app.unmount();
	return frame;
}

test('the library draws its entries, their progress and news, the cursor and the keys', async () => {
	const now = new Date('2026-01-02T12:00:00Z');
	const entries = [
		entry('Read', {fraction: 0.5, readAt: '2026-01-02T10:00:00Z', newChapters: 2}),
		entry('Gone', {missing: true, readAt: '2026-01-01T10:00:00Z'}),
		entry('Unread'),
	];
	const frame = await frameOf(
		<Library state={{entries, cursor: 1, quitting: false}} now={now} columns={90} rows={8} />,
	);
	const lines = frame.split('\n');
	assert.match(lines[0]!, /ficterm · 3 works/);
	assert.match(lines[1]!, /Read — An Author .*━{5}─{5} {2}50% {2}2 new chapters · 2 h ago/);
	assert.match(lines[2]!, /Gone — An Author .* missing/);
	assert.match(lines[3]!, /Unread — An Author .*0% {2}unread/);
	assert.equal(lines.at(-1), ' ↑↓ move · Enter read · d forget · u undo · q quit');
});

test('a message takes the place of the keys', async () => {
	const frame = await frameOf(
		<Library
			state={{entries: [], cursor: 0, quitting: false, message: 'Forgot Read'}}
			now={new Date()}
			columns={60}
			rows={5}
		/>,
	);
	assert.match(frame, /No works yet/);
	assert.equal(frame.split('\n').at(-1), ' Forgot Read', 'in line with the rows above');
});

test('columns line up by display width, and repeated titles show their file names', async () => {
	const now = new Date('2026-01-02T12:00:00Z');
	const entries = [
		entry('Short', {fraction: 0.38, readAt: '2026-01-02T10:00:00Z', newChapters: 1}),
		entry('春の夜の夢のような長い題名の作品', {readAt: '2026-01-02T11:59:00Z'}),
		entry('Gone', {missing: true, readAt: '2026-01-01T10:00:00Z'}),
		{...entry('Untitled'), path: '/a/one.txt', shownPath: 'a/one.txt'},
		{...entry('Untitled'), path: '/b/two.txt', shownPath: 'b/two.txt'},
	];
	const frame = await frameOf(
		<Library state={{entries, cursor: 0, quitting: false}} now={now} columns={80} rows={8} />,
	);
	const rows = frame.split('\n').slice(1, 6);
	const barStarts = rows.map((row) => stringWidth(row.slice(0, row.search(/[━─]/))));
	assert.deepEqual(new Set(barStarts).size, 1, rows.join('\n'));
	for (const row of rows) assert.ok(stringWidth(row) <= 80, row);
	assert.match(rows[0]!, / 38% {2}1 new chapter · 2 h ago/);
	assert.match(rows[3]!, /Untitled \(one\.txt\) — An Author/);
	assert.match(rows[4]!, /Untitled \(two\.txt\) — An Author/);
	assert.doesNotMatch(rows[0]!, /\(Short\.txt\)/);
});

test('the selected work stays in reverse video without colour', async () => {
	// ink-testing-library's colour level is 0, as under --no-color: Ink's own inverse is dropped.
	const now = new Date('2026-01-02T12:00:00Z');
	const entries = [entry('First'), entry('Second')];
	const frame = await frameOf(
		<Library state={{entries, cursor: 1, quitting: false}} now={now} columns={60} rows={6} />,
	);
	const rows = frame.split('\n');
	assert.ok(rows.find((row) => row.includes('Second'))!.includes('\u001B[7m'), frame);
	assert.ok(!rows.find((row) => row.includes('First'))!.includes('\u001B[7m'), frame);
});
