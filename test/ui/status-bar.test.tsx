import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {StatusBar} from '../../source/ui/StatusBar.tsx';
import {generatedText, workOf} from '../helpers/works.ts';

test('at 80 columns a resume message shows to its end: the time left and scene make room', async () => {
	const work = workOf(generatedText(3));
	const message = '2 new chapters since you last read · Resumed at Chapter 12 · scene 3';
	const status = {
		title: 'A Title',
		chapter: 'Chapter 12: The Long Way Round to the Sea',
		scene: 'scene 3/4',
		timeLeft: '12 min left in chapter',
		percent: 45,
	};
	const {lastFrame, unmount} = render(
		<StatusBar work={work} status={status} columns={80} message={message} count="" color />,
	);
	await new Promise((resolve) => setImmediate(resolve));
	const frame = lastFrame() ?? '';
	unmount();
	assert.ok(frame.includes(message), frame);
	assert.match(frame, /45%/);
});
