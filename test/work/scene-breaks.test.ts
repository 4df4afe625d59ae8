import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {DraftBlock} from '../../source/work/draft.ts';
import {dividerKind, markSceneBreaks} from '../../source/work/scene-breaks.ts';
import {workOf} from '../helpers/works.ts';

const dividers = [
	'***',
	'* * *',
	'~~~',
	'---',
	'⁂',
	'◇◆◇',
	'-x-',
	'~o~',
	'~*~*~',
	'#',
	'= = =',
	'· · ·',
	'※',
];
const notDividers = [
	'No.',
	'Okay',
	'Yes',
	'"..."',
	'...',
	'—',
	'*sigh*',
	'A',
	'1.',
	'The end',
	'!?',
	'Hmm.',
	'12',
	'',
];

test('symbol dividers are breaks on their own', () => {
	for (const line of dividers) assert.equal(dividerKind(line), 'symbols', line);
});

test('words, dialogue and short sentences are not dividers', () => {
	for (const line of notDividers) assert.equal(dividerKind(line), undefined, line);
});

test('letter-only repeated units are candidates that must recur', () => {
	for (const line of ['oOo', 'xXx', 'Hahaha', 'xoxo'])
		assert.equal(dividerKind(line), 'letters', line);
	const once = workOf('First.\n\nHahaha\n\nSecond.\n');
	assert.equal(once.blocks.filter((block) => block.kind === 'break').length, 0);
	const twice = workOf('First.\n\noOo\n\nSecond.\n\noOo\n\nThird.\n');
	assert.equal(twice.blocks.filter((block) => block.kind === 'break').length, 2);
	assert.equal(twice.sections.length, 3);
});

test('a wide line of symbols is not a divider', () => {
	assert.equal(dividerKind('*'.repeat(40)), undefined);
});

test('spacer lines of no-break spaces are blank space, not breaks', () => {
	const work = workOf('First.\n\n\u00A0\n\nSecond.\n');
	assert.deepEqual(
		work.blocks.map((block) => block.kind),
		['paragraph', 'spacer', 'paragraph'],
	);
	assert.equal(work.sections.length, 1);
});

test('each block is looked at once, whatever the number of candidates', () => {
	// A work of 200,000 short lines ran the divider test twice over each of them.
	let looks = 0;
	const counted = (text: string): DraftBlock => {
		const block: DraftBlock = {kind: 'paragraph', text};
		return Object.defineProperty(block, 'kind', {
			get: () => (looks++, 'paragraph'),
			set() {},
			enumerable: true,
		});
	};

	const bodies = [[counted('Text.'), counted('A short line'), counted('Hello there, friend.')]];
	markSceneBreaks(bodies);
	assert.equal(looks, 3);
});
