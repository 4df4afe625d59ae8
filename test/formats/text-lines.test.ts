import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseInlineMarkup} from '../../source/formats/inline-markup.ts';
import {joinLines} from '../../source/formats/text-lines.ts';

test('a line ending in a word’s hyphen joins the next without a space, keeping the hyphen', () => {
	// Gutenberg keeps only real hyphens at line ends, and textwrap breaks compounds after theirs.
	assert.equal(
		joinLines(['public meetings and after-', 'lecture debates']),
		'public meetings and after-lecture debates',
	);
	assert.equal(joinLines(['an Anglo-', 'Saxon king']), 'an Anglo-Saxon king');
	assert.equal(joinLines(['the years 1914-', '1918']), 'the years 1914-1918');
});

test('dashes at line ends: glued to the next word only when it goes on in lower case', () => {
	assert.equal(
		joinLines(['seen it before--', 'in a looking-glass']),
		'seen it before--in a looking-glass',
	);
	assert.equal(joinLines(['dark—', 'darker than night']), 'dark—darker than night');
	// Verse and speech: a new line after a dash keeps its own word.
	assert.equal(
		joinLines(['And the night for love was given--', 'Darling, come to me--']),
		'And the night for love was given-- Darling, come to me--',
	);
	assert.equal(joinLines(['"I was going to-', '"Stop!"']), '"I was going to- "Stop!"');
	assert.equal(joinLines(['a spaced -', 'dash']), 'a spaced - dash');
	assert.equal(joinLines(['a spaced --', 'dash']), 'a spaced -- dash');
});

test('two spaces at a line end keep the line break when asked (Markdown, html2text)', () => {
	assert.equal(joinLines(['One.  ', 'Two.'], {hardBreaks: true}), 'One.\nTwo.');
	assert.equal(joinLines(['One.  ', 'Two.']), 'One. Two.');
});

test('inline markup: strike-through, escapes before styled text, dividers left alone', () => {
	assert.deepEqual(parseInlineMarkup('It was ~~impossible~~ not.'), {
		text: 'It was impossible not.',
		styles: [{start: 7, end: 17, style: 'strike'}],
	});
	assert.deepEqual(parseInlineMarkup('1\\. Then \\*not\\* _this_.'), {
		text: '1. Then *not* this.',
		styles: [{start: 14, end: 18, style: 'italic'}],
	});
	assert.deepEqual(parseInlineMarkup('~~~~~~'), {text: '~~~~~~', styles: []});
	assert.deepEqual(parseInlineMarkup('*****'), {text: '*****', styles: []});
});
