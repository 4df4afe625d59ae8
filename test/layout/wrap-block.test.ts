import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {fuzzRuns} from '../helpers/fuzz.ts';
import stringWidth from 'string-width';
import {wrapBlock} from '../../source/layout/wrap-block.ts';
import type {Block} from '../../source/work/types.ts';

const options = {gapAfter: false, revealTags: false};
const paragraph = (text: string, extra: Partial<Block> = {}): Block => ({
	kind: 'paragraph',
	part: 'story',
	text,
	...extra,
});

test('wraps by display width: CJK characters take two columns', () => {
	const lines = wrapBlock(paragraph('日本語のテキストは空白なしで続きます'), 10, options);
	for (const line of lines) assert.ok(stringWidth(line.text) <= 10, line.text);
	assert.equal(lines.map((line) => line.text).join(''), '日本語のテキストは空白なしで続きます');
});

test('each line knows where it starts in the block', () => {
	const text = 'The quick brown fox jumps over the lazy dog and keeps on running far away.';
	for (const line of wrapBlock(paragraph(text), 17, options)) {
		assert.equal(text.slice(line.offset, line.offset + line.text.length), line.text);
	}
});

test('style runs follow the text onto each line', () => {
	const lines = wrapBlock(
		paragraph('plain words then italic words here', {
			styles: [{start: 17, end: 29, style: 'italic'}],
		}),
		10,
		options,
	);
	const italic = lines.flatMap((line) =>
		line.runs.map((run) => line.text.slice(run.start, run.end)),
	);
	assert.deepEqual(italic, ['italic', 'words']);
});

test('centred blocks are padded, a gap line follows when asked', () => {
	const lines = wrapBlock({kind: 'break', part: 'story', text: '* * *', center: true}, 21, {
		...options,
		gapAfter: true,
	});
	assert.equal(lines[0]!.indent, 8);
	assert.equal(lines[1]!.text, '');
});

test('property: no line is wider than the width and no character is lost', () => {
	const word = fc
		.array(fc.constantFrom('a', 'b', 'z', 'é', '日', '本', '語', '😀', '’'), {
			minLength: 1,
			maxLength: 25,
		})
		.map((characters) => characters.join(''));
	fc.assert(
		fc.property(
			fc.array(word, {minLength: 1, maxLength: 40}),
			fc.integer({min: 2, max: 90}),
			(words, width) => {
				const text = words.join(' ');
				const lines = wrapBlock(paragraph(text), width, options);
				for (const line of lines)
					assert.ok(stringWidth(line.text) <= width, `${line.text} > ${width}`);
				assert.equal(
					lines
						.map((line) => line.text)
						.join('')
						.replaceAll(' ', ''),
					text.replaceAll(' ', ''),
				);
			},
		),
		fuzzRuns(300),
	);
});

test('hard line breaks: every line, blank ones too, starts at its own offset', () => {
	const text = 'first verse line\n\n\n\n   \nsecond stanza\n\nlast';
	const lines = wrapBlock(paragraph(text), 40, {...options, gapAfter: true});
	assert.deepEqual(
		lines.map((line) => line.text),
		['first verse line', '', '', '', '', 'second stanza', '', 'last', ''],
	);
	for (let index = 1; index < lines.length; index++)
		assert.ok(lines[index]!.offset > lines[index - 1]!.offset, `line ${index} repeats an offset`);
	for (const line of lines.slice(0, -1).filter((line) => line.text))
		assert.equal(text.slice(line.offset, line.offset + line.text.length), line.text);
});

test('a list item wraps with a hanging indent, clear of its bullet or number', () => {
	const item = (text: string): Block => ({kind: 'list-item', part: 'story', text});
	const lines = wrapBlock(item('• matches, and the short candle, and the key'), 24, options);
	assert.deepEqual(
		lines.map((line) => ' '.repeat(line.indent) + line.text),
		['  • matches, and the', '    short candle, and', '    the key'],
	);
	const numbered = wrapBlock(item('12. the ledger, wrapped in oilcloth'), 24, options);
	assert.deepEqual(
		numbered.map((line) => ' '.repeat(line.indent) + line.text),
		['  12. the ledger,', '      wrapped in', '      oilcloth'],
	);
	for (const line of [...lines, ...numbered]) assert.ok(line.indent + stringWidth(line.text) <= 24);
});

test('a list item of common characters is measured by table, never by the grapheme segmenter', (t) => {
	// string-width segments every string it is given (microseconds a call): 300,000 list items
	// took seconds to print when each bullet was measured by it.
	const segment = t.mock.method(Intl.Segmenter.prototype, 'segment');
	for (const text of ['• a key', '12. a ledger', '– a dash', '» a quote']) {
		wrapBlock({kind: 'list-item', part: 'story', text}, 40, options);
	}

	assert.equal(segment.mock.callCount(), 0);
});

test('kinsoku: no closing punctuation starts a line, no opening one ends it', () => {
	const text =
		'山路を登りながら、こう考えた。智に働けば角が立つ。「情に棹させば流される」と云う（意地を通せば窮屈だ）。“とかくに人の世は住みにくい”。';
	for (const width of [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 24, 30]) {
		const lines = wrapBlock(paragraph(text), width, options);
		assert.equal(lines.map((line) => line.text).join(''), text);
		for (const line of lines) {
			assert.ok(stringWidth(line.text) <= width, `${line.text} > ${width}`);
			assert.doesNotMatch(
				line.text,
				/^[、。，」）”]/u,
				`width ${width}: "${line.text}" starts badly`,
			);
			assert.doesNotMatch(line.text, /[「（“]$/u, `width ${width}: "${line.text}" ends badly`);
		}
	}
});

test('ruby: the reading follows its base in parentheses, on the same line, or is left out', () => {
	const block = paragraph('かく霊台方寸のカメラに澆季溷濁の俗界を清くうららかに収め得れば足る。', {
		ruby: [
			{start: 2, end: 6, reading: 'れいだいほうすん'},
			{start: 11, end: 15, reading: 'ぎょうきこんだく'},
		],
	});
	for (const width of [10, 14, 18, 22, 26, 30, 34]) {
		const lines = wrapBlock(block, width, options);
		const shown = lines.map((line) => line.text).join('');
		assert.equal(
			shown,
			'かく霊台方寸(れいだいほうすん)のカメラに澆季溷濁(ぎょうきこんだく)の俗界を清くうららかに収め得れば足る。',
		);
		if (width < stringWidth('澆季溷濁(ぎょうきこんだく)')) continue;
		for (const line of lines) {
			assert.doesNotMatch(line.text, /\([^)]*$|^[^(]*\)/u, `width ${width}: ${line.text}`);
			// Every line starts at the block offset of its first character.
			assert.equal(block.text.slice(line.offset, line.offset + 1), line.text[0]);
		}
	}

	const dropped = wrapBlock(block, 80, {...options, readings: false});
	assert.equal(dropped[0]!.text, block.text);
});

test('verse keeps the indents of its lines; a wrapped verse line hangs under its start', () => {
	const lines = wrapBlock(paragraph('Weialala leia\n    Wallala leialala\n  la la'), 12, options);
	assert.deepEqual(
		lines.map((line) => [line.indent, line.text]),
		[
			[0, 'Weialala'],
			[2, 'leia'],
			[0, '    Wallala'],
			[4, 'leialala'],
			[0, '  la la'],
		],
	);
	for (const line of lines) assert.ok(line.indent + stringWidth(line.text) <= 12, line.text);
});

test('right-to-left paragraphs are aligned to the right, by their direction or their letters', () => {
	const hebrew = wrapBlock(paragraph('שלום עולם, מה נשמע היום?'), 30, options);
	assert.equal(hebrew[0]!.indent + stringWidth(hebrew[0]!.text), 30);
	const marked = wrapBlock(paragraph('12 Main Street', {direction: 'rtl'}), 30, options);
	assert.equal(marked[0]!.indent, 16);
	assert.equal(wrapBlock(paragraph('Hello שלום'), 30, options)[0]!.indent, 0);
	assert.equal(wrapBlock(paragraph('שלום', {direction: 'ltr'}), 30, options)[0]!.indent, 0);
});
