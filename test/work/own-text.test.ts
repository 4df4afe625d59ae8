// A block's own copy of its text: equal to the text, whatever its length or characters, and the
// buffer it goes through reused without one text showing through another.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {ownText} from '../../source/work/own-text.ts';

test('a text and its own copy are equal, short or long, in any script', () => {
	const samples = [
		'',
		'short',
		'Twelve chars',
		'Thirteen char',
		'Plain words of the kind a story has. '.repeat(50),
		'It’s “here” — café, naïve. '.repeat(200),
		'灯台守の娘は海を見ていた。'.repeat(3000),
		'🌊 waves 🌊 '.repeat(9000),
		'x'.repeat(64 * 1024),
		'x'.repeat(64 * 1024 + 1),
		'長い'.repeat(200_000),
	];
	for (const text of samples) assert.equal(ownText(text), text);
	// A long text, then a short one: nothing of the first is left in the second's copy.
	assert.equal(ownText('y'.repeat(60_000)).length, 60_000);
	assert.equal(ownText('after the long one'), 'after the long one');
});

test('any well-formed text comes back the same', () => {
	fc.assert(
		fc.property(fc.string({unit: 'grapheme', maxLength: 3000}), (text) => {
			assert.equal(ownText(text), text);
		}),
		{numRuns: 300},
	);
});
