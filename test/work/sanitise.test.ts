import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sanitiseLine, sanitiseText} from '../../source/work/sanitise.ts';

test('strips CSI, OSC, DCS, APC and lone escapes but keeps the text around them', () => {
	const hostile =
		'a\u001B[31mred\u001B[0m b\u001B]0;pwned title\u0007c\u001B]52;c;Y2xpcA==\u001B\\d' +
		'\u001BP1$r0m\u001B\\e\u001B_apc\u001B\\f\u001B7g\u001Bh\u009B2Ji\u009D8;;x\u009Cj';
	// ESC h is itself a two-byte sequence, so the h goes with it.
	assert.equal(sanitiseText(hostile), 'ared bcdefgij');
});

test('keeps tabs and newlines, turns CR and CRLF into newlines, drops other controls', () => {
	assert.equal(sanitiseText('a\tb\r\nc\rd\u0000e\u0007f\u007Fg\u0085h'), 'a\tb\nc\nd' + 'efgh');
});

test('an unterminated OSC cannot swallow the rest of the work', () => {
	const text = 'Start \u001B]0;title\nThe story goes on.';
	assert.equal(sanitiseText(text), 'Start \nThe story goes on.');
});

test('strips bidi overrides and folds one-line strings', () => {
	assert.equal(sanitiseLine('  Title\u202E reversed\n\tpart  '), 'Title reversed part');
});

test('drops invisible format characters whose width terminals disagree on, keeps joiners', () => {
	assert.equal(
		sanitiseText('zero\u200Bwidth\u00AD soft\u2060 joined\uFEFF family 👩\u200D👧 ok'),
		'zerowidth soft joined family 👩\u200D👧 ok',
	);
});
