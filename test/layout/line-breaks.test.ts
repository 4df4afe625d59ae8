import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {breakLine, textWidth} from '../../source/layout/line-breaks.ts';

test('the width table agrees with string-width on every character of the basic plane', () => {
	const disagree: string[] = [];
	for (let code = 0x20; code < 0x1_00_00; code++) {
		if (code >= 0xd8_00 && code <= 0xdf_ff) continue;
		const character = String.fromCodePoint(code);
		if (textWidth(character) !== stringWidth(character)) disagree.push(code.toString(16));
	}

	assert.deepEqual(disagree.slice(0, 20), []);
});

const pieces = (text: string, width: number, kept: Array<[number, number]> = []) =>
	breakLine(text, width, kept).map((piece) => text.slice(piece.start, piece.end));

test('breaks at spaces, keeping an indent and dropping the spaces at a break', () => {
	assert.deepEqual(pieces('  one two three', 9), ['  one two', 'three']);
	assert.deepEqual(pieces('unbreakable', 4), ['unbr', 'eaka', 'ble']);
});

test('CJK breaks between characters, but not before 。 or after 「; words in Latin text stay whole', () => {
	assert.deepEqual(pieces('あいうえお。「かき」', 10), ['あいうえ', 'お。「か', 'き」']);
	assert.deepEqual(pieces('Rain the the テキスト the', 20), ['Rain the the', 'テキスト the']);
});

test('a kept span is not split when it fits a line', () => {
	const text = 'かく霊台方寸(れいだい)の';
	assert.deepEqual(pieces(text, 18, [[2, 12]]), ['かく', '霊台方寸(れいだい)', 'の']);
});
