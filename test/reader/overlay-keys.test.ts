import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Book} from '../../source/reader/book.ts';
import type {KeyInfo} from '../../source/reader/keys.ts';
import {
	aboutLines,
	helpLines,
	labelColumn,
	lastOverlayTop,
	panelBodyColumns,
	panelBodyRows,
} from '../../source/reader/overlay-lines.ts';
import {keyTable} from '../../source/reader/key-table.ts';
import {reduceApp} from '../../source/reader/reducer.ts';
import {initialState, textRows, type ReaderState} from '../../source/reader/state.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const work = workOf(generatedText(5, 3));
const book = new Book(work);
const small = () => initialState({columns: 60, rows: 20});

function press(state: ReaderState, ...keys: Array<string | [string, KeyInfo] | KeyInfo>) {
	let current = state;
	for (const key of keys) {
		const [input, info] =
			typeof key === 'string' ? [key, {}] : Array.isArray(key) ? key : ['', key];
		current = reduceApp(book, current, {type: 'key', input, key: info});
	}

	return current;
}

test('keys pressed in an overlay never move the text or the saved place under it', () => {
	const moving: Array<string | KeyInfo | [string, KeyInfo]> = [
		'j',
		'k',
		' ',
		'b',
		'd',
		'G',
		'}',
		']',
		{downArrow: true},
		{pageDown: true},
		{rightArrow: true},
		{end: true},
		['f', {ctrl: true}],
		['d', {ctrl: true}],
	];
	for (const opener of ['?', 'i', 't', "'"]) {
		const open = press(small(), 'j', opener);
		for (const key of moving) {
			const after = press(open, key);
			assert.deepEqual(after.anchor, open.anchor, `${opener} then ${JSON.stringify(key)}`);
			assert.equal(after.moved, open.moved);
		}
	}
});

test('the help scrolls so that every key is reachable at 60x20, and stops at its last line', () => {
	const state = press(small(), '?');
	const lines = helpLines(60);
	const body = panelBodyRows(textRows(state));
	assert.ok(lines.length > body, 'the help is taller than the panel at 60x20');
	const last = lastOverlayTop(lines.length, state);
	let scrolled = state;
	for (let step = 0; step < lines.length; step++) scrolled = press(scrolled, 'j');
	assert.equal(scrolled.overlayTop, last);
	assert.equal(press(state, 'G').overlayTop, last);
	assert.equal(press(state, ' ', 'b').overlayTop, 0);
	assert.equal(press(scrolled, 'g').overlayTop, 0);
	// Shown from `last`, the panel holds the help's last row.
	assert.equal(lines.slice(last, last + body).at(-1), lines.at(-1));
	// Opened again, it starts at the top.
	assert.equal(press(scrolled, 'q', '?').overlayTop, 0);
});

test('the help lists every reading key, drawn from the key table, counts and Ctrl+C too', () => {
	const keys = helpLines(60).map((line) => line.label);
	for (const expected of [
		'0-9',
		'Space f PgDn → Ctrl+F',
		'd Ctrl+D',
		'u Ctrl+U',
		'? h',
		'q',
		'Ctrl+C',
	]) {
		assert.ok(keys.includes(expected), expected);
	}
});

test('the help wraps its words between whole words to fit the panel, beside or under the keys', () => {
	for (const columns of [60, 40, 30]) {
		const lines = helpLines(columns);
		const inner = panelBodyColumns(columns);
		const column = labelColumn(lines);
		for (const line of lines) {
			const width = line.wide ? line.label.length + line.text.length : column + line.text.length;
			assert.ok(width <= inner, `${columns}: ${line.label} ${line.text}`);
		}

		// Joined again, every key's words are whole and in order.
		const rows = keyTable.reading;
		let at = 0;
		for (const row of rows) {
			const start = lines.findIndex((line, index) => index >= at && line.label === row.keys);
			assert.ok(start >= 0, row.keys);
			let text = lines[start]!.text.trim();
			at = start + 1;
			while (at < lines.length && lines[at]!.label === '')
				text = `${text} ${lines[at++]!.text.trim()}`.trim();
			assert.equal(text, row.help, `${columns}: ${row.keys}`);
		}
	}
});

test('about this work wraps long warnings and tags over lines instead of cutting them', () => {
	const ao3 = workOf(generatedText(2));
	ao3.meta.warnings = ['Graphic Depictions Of Violence', 'Major Character Death'];
	ao3.meta.tags = ['Slow Burn', 'Hurt/Comfort', 'Found Family', 'Angst with a Happy Ending'];
	const lines = aboutLines(ao3, true, 60);
	const shown = lines.map((line) => line.text).join(' ');
	assert.match(shown, /Major Character Death/);
	assert.match(shown, /Angst with a Happy Ending/);
	for (const line of lines) assert.ok(14 + line.text.length <= 56, line.text);
	assert.ok(lines.filter((line) => line.label === 'Warnings').length === 1);
});

test('about this work on a narrow panel puts each label above its value, whole', () => {
	const work = workOf(generatedText(2));
	work.meta.title = 'The Lighthouse Keeper’s Daughter';
	work.meta.authors = ['ficterm_samples'];
	for (const columns of [20, 24, 30]) {
		const lines = aboutLines(work, true, columns);
		const inner = columns - 4;
		for (const line of lines) {
			assert.ok(line.wide, `${columns}: ${line.label}${line.text}`);
			assert.ok(Math.max(line.label.length, line.text.length) <= inner, `${columns}: ${line.text}`);
		}

		const shown = lines.map((line) => line.text.trim()).join(' ');
		assert.match(shown, /The Lighthouse Keeper’s Daughter/);
		// A word longer than the panel is broken over lines, never cut.
		assert.match(shown.replaceAll(' ', ''), /ficterm_samples/);
	}

	assert.ok(aboutLines(work, true, 60).every((line) => !line.wide));
});

test('a in about this work shows the tags there; i and q close it', () => {
	const open = press(small(), 'i');
	const revealed = press(open, 'a');
	assert.equal(revealed.revealTags, true);
	assert.equal(revealed.overlay, 'meta');
	assert.equal(press(open, 'i').overlay, undefined);
});

test('the longest key label keeps two spaces before its words, so the two never run together', () => {
	const lines = helpLines(100);
	const column = labelColumn(lines);
	for (const line of lines) if (!line.wide) assert.ok(column - line.label.length >= 2, line.label);
});
