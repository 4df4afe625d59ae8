import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../source/app.tsx';
import {Book} from '../source/reader/book.ts';
import {initialState} from '../source/reader/state.ts';
import {actionRelay} from '../source/sync-runner.ts';
import {generatedText, workOf} from './helpers/works.ts';

const size = {columns: 80, rows: 20};

async function until(check: () => boolean, what: string): Promise<void> {
	for (let tries = 0; tries < 200; tries++) {
		if (check()) return;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}

	assert.fail(`timed out waiting for ${what}`);
}

const firstLine = (frame: string | undefined) => (frame ?? '').split('\n')[0]!;

test("a place from another device arrives from outside the keys; '' goes back", async () => {
	const work = workOf(generatedText(6, 2));
	const relay = actionRelay();
	const app = render(
		<App
			book={new Book(work)}
			initial={initialState(size)}
			size={size}
			color={false}
			events={relay.events}
		/>,
	);
	await until(() => firstLine(app.lastFrame()).includes('Chapter 1'), 'the first screen');
	app.stdin.write('j');
	await until(() => !firstLine(app.lastFrame()).includes('Chapter 1'), 'a line down');
	const before = firstLine(app.lastFrame());
	relay.dispatch({
		type: 'jump',
		anchor: {block: work.chapters[4]!.start, offset: 0},
		message: "Moved to where you stopped on laptop, 2 h ago — '' goes back",
	});
	await until(() => firstLine(app.lastFrame()).includes('Chapter 5'), 'chapter 5');
	assert.match(app.lastFrame()!, /Moved to where you stopped on laptop, 2 h ago — '' goes back/);
	app.stdin.write("''");
	await until(() => firstLine(app.lastFrame()) === before, 'the place before');
	assert.match(app.lastFrame()!, /Back where you were/);
	app.unmount();
});
