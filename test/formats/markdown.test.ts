import assert from 'node:assert/strict';
import {test} from 'node:test';
import {printLines} from '../../source/layout/print-lines.ts';
import {storyWords} from '../../source/work/progress.ts';
import {workOf} from '../helpers/works.ts';

test('YAML front matter gives title, authors and tags, and is not read as text', () => {
	const work = workOf(
		[
			'---',
			'title: "A Title: With a Colon"',
			'author: Anne Writer, Ben Writer',
			'fandom: [Original Work, "Folklore, Mostly"]',
			'tags:',
			'  - slow burn',
			"  - 'found family'",
			'summary: |',
			'  First line,',
			'  wrapped.',
			'',
			'  Second paragraph.',
			'url: https://archiveofourown.org/works/99',
			'---',
			'',
			'The story begins.',
		].join('\n'),
		'some-file.md',
	);
	assert.equal(work.meta.title, 'A Title: With a Colon');
	assert.deepEqual(work.meta.authors, ['Anne Writer', 'Ben Writer']);
	assert.deepEqual(work.meta.fandoms, ['Original Work', 'Folklore, Mostly']);
	assert.deepEqual(work.meta.tags, ['slow burn', 'found family']);
	assert.equal(work.id, 'ao3:99');
	assert.equal(work.summary, 'First line, wrapped.\n\nSecond paragraph.');
	assert.equal(storyWords(work), 3);
});

test('AO3 note headings are notes of the chapter or the work, not chapters', () => {
	const work = workOf(
		[
			'# Title',
			'## Notes',
			'Work notes.',
			'## Chapter 1',
			'### Chapter Notes',
			'Before.',
			'### Chapter Text',
			'One two three.',
			'### Chapter End Notes',
			'After.',
			'## Chapter 2',
			'Four five.',
			'## Notes',
			'End of chapter two.',
			'## End Notes',
			'End of the work.',
		].join('\n\n'),
		'w.md',
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Chapter 1', 'Chapter 2'],
	);
	assert.equal(work.notes, 'Work notes.');
	assert.equal(work.endNotes, 'End of the work.');
	assert.equal(storyWords(work), 5);
	const notes = work.blocks.filter((block) => block.part === 'note').map((block) => block.text);
	assert.deepEqual(notes, [
		'Chapter Notes',
		'Before.',
		'Chapter End Notes',
		'After.',
		'Chapter End Notes',
		'End of chapter two.',
		'End Notes',
		'End of the work.',
	]);
});

test('lists stay lists, one item a line, a new list after a gap; ~~strike~~ is drawn as strike-through', () => {
	const work = workOf(
		'# T\n\n- a\n- b\n  goes on\n\n1. one\n2) two\n\nIt was ~~so~~ fine.\n',
		'l.md',
	);
	assert.deepEqual(
		work.blocks.filter((block) => block.part === 'story').map((block) => [block.kind, block.text]),
		[
			['list-item', '• a'],
			['list-item', '• b goes on'],
			['list-item', '1. one'],
			['list-item', '2) two'],
			['paragraph', 'It was so fine.'],
		],
	);
	const items = work.blocks.filter((block) => block.kind === 'list-item');
	assert.deepEqual(
		items.map((block) => block.continued === true),
		// Numbers after bullets, and ")" after ".", start new lists (CommonMark): each after a gap.
		[false, true, false, false],
	);
	assert.deepEqual(work.blocks.at(-1)!.styles, [{start: 7, end: 9, style: 'strike'}]);
});

test('nested list items keep their level and a marker of their own; the text after them is outside', () => {
	const work = workOf(
		'# T\n\n- top\n  - inner\n    - deepest\n  - inner again\n- top again\n\n1. first\n   1. under first\n\tafter a tab\n\nOutside.\n',
		'n.md',
	);
	assert.deepEqual(
		work.blocks
			.filter((block) => block.part === 'story')
			.map((block) => [block.text, block.level ?? 0, block.continued === true]),
		[
			['• top', 0, false],
			['◦ inner', 1, true],
			['▪ deepest', 2, true],
			['◦ inner again', 1, true],
			['• top again', 0, true],
			['1. first', 0, false],
			['1. under first after a tab', 1, true],
			['Outside.', 0, false],
		],
	);
	const lines = [...printLines(work, 40)].filter(
		(line) => line.includes('top') || line.includes('inner') || line.includes('deepest'),
	);
	assert.deepEqual(lines, [
		'  • top',
		'    ◦ inner',
		'      ▪ deepest',
		'    ◦ inner again',
		'  • top again',
	]);
});

test('an ordered list breaks into a paragraph only from 1: a wrapped line starting "1984." is text', () => {
	const work = workOf('# T\n\nThe winter of\n1984. was long.\n\nAnd then\n1. one\n', 'o.md');
	assert.deepEqual(
		work.blocks.filter((block) => block.part === 'story').map((block) => [block.kind, block.text]),
		[
			['paragraph', 'The winter of 1984. was long.'],
			['paragraph', 'And then'],
			['list-item', '1. one'],
		],
	);
});

test('links show their text, images their description, code its text with a code style', () => {
	const work = workOf(
		'# T\n\nSee [the map](https://example.org/a_b "Map") and `a*b*c`, *in [italics](u)*; ![a lantern](l.png), <https://example.org/x_y_> and \\[kept\\](x).\n',
		'i.md',
	);
	const block = work.blocks.find((each) => each.part === 'story')!;
	assert.equal(
		block.text,
		'See the map and a*b*c, in italics; [image: a lantern], https://example.org/x_y_ and [kept](x).',
	);
	const code = block.styles!.find((run) => run.style === 'code')!;
	assert.equal(block.text.slice(code.start, code.end), 'a*b*c');
	const italic = block.styles!.find((run) => run.style === 'italic')!;
	assert.equal(block.text.slice(italic.start, italic.end), 'in italics');
});

test('reference links show their text, and their definitions are not text', () => {
	const work = workOf(
		[
			'# T',
			'',
			'See [the map][Map One], [Map  ONE][], [map one] and ![a lantern][lamp].',
			'[Not defined][nowhere] and [nowhere] stay as written; [x](<y>) is inline.',
			'',
			'[map one]: https://example.org/map "The map"',
			'  [LAMP]: <lamp.png>',
			'',
			'A paragraph',
			'[map one]: https://example.org/again',
			'',
		].join('\n'),
		'refs.md',
	);
	const texts = work.blocks.filter((block) => block.part === 'story').map((block) => block.text);
	assert.deepEqual(texts, [
		'See the map, Map ONE, map one and [image: a lantern]. [Not defined][nowhere] and [nowhere] stay as written; x is inline.',
		// A definition cannot break into a paragraph: there it is text, its label a link.
		'A paragraph map one: https://example.org/again',
	]);
});

test('unclosed brackets and backticks by the ten thousand are read in linear time', () => {
	const text =
		'# T\n\n' + 'x [a](b c `` ` [d] [d][] [e][d] [d] [d][e '.repeat(20_000) + '\n\n[d]: u\n';
	const started = performance.now();
	const work = workOf(text, 'many.md');
	assert.ok(work.blocks.length > 1);
	assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
});

test('a chapter heading is known for no note without making strings of it', (t) => {
	const chapters = 2000;
	const text = Array.from({length: chapters}, (_, index) => `## Part ${index}\n\nText.\n`).join(
		'\n',
	);
	const lower = t.mock.method(String.prototype, 'toLowerCase');
	const work = workOf(
		`${text}\n## Summary\n\nA summary at the end is the last chapter's.\n`,
		'a.md',
	);
	// The work's id lowercases its opening words, not its headings.
	const lowered = lower.mock.calls.filter((call) => String(call.this).startsWith('Part')).length;
	t.mock.restoreAll();
	assert.equal(work.chapters.length, chapters);
	assert.ok(lowered < chapters / 10, `${lowered} strings lowercased`);
	// A note heading is still one: the summary is the last chapter's, not a chapter of its own.
	assert.match(work.chapters.at(-1)!.title, /Part 1999/);
});
