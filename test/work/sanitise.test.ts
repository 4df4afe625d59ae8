import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sanitiseLine, sanitiseText} from '../../source/work/sanitise.ts';

test('strips CSI, OSC, DCS, APC and lone escapes but keeps the text around them', () => {
	const hostile =
		'a\u001B[31mred\u001B[0m b\u001B]0;pwned title\u0007c\u001B]52;c;Y2xpcA==\u001B\\d' +
		'\u001BP1$r0m\u001B\\e\u001B_apc\u001B\\f\u001B7g\u001Bhi';
	// ESC h is itself a two-byte sequence, so the h goes with it.
	assert.equal(sanitiseText(hostile), 'ared bcdefgi');
});

test('a C1 control is its Windows-1252 character, or nothing: never a sequence that eats text', () => {
	// Text in Windows-1252 read as Latin-1, and a byte that Windows-1252 leaves undefined (0x9D).
	assert.equal(
		sanitiseText('\u0093Hello,\u0094 she said \u0096 to Ro\u009Eana. The rest survives.'),
		'“Hello,” she said – to Rožana. The rest survives.',
	);
	assert.equal(sanitiseText('a stray \u009D byte, then été'), 'a stray  byte, then été');
	// An 8-bit CSI with parameters goes whole; an OSC is one character: what followed it is printed,
	// and commands nothing. A › before a word (Windows-1252 quotes: ›Hello‹) stays.
	assert.equal(sanitiseText('\u009B2Ji\u009D8;;x\u009Cj'), 'i8;;xœj');
	assert.equal(sanitiseText('\u009BHello\u008B'), '›Hello‹');
});

test('keeps tabs and newlines, turns CR and CRLF into newlines, drops other controls', () => {
	assert.equal(sanitiseText('a\tb\r\nc\rd\u0000e\u0007f\u007Fg\u0081h'), 'a\tb\nc\nd' + 'efgh');
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

test('line and paragraph separators become line breaks, never raw to the terminal', () => {
	assert.equal(sanitiseText('one\u2028two\u2029three'), 'one\ntwo\nthree');
	assert.equal(sanitiseLine('A\u2028title'), 'A title');
});
