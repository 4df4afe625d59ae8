import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseFffTxt} from '../../source/formats/fff-txt.ts';
import {storyWords} from '../../source/work/progress.ts';
import {workOf} from '../helpers/works.ts';

// The shape writer_txt.py gives after textwrap: tab expanded, contents between blank lines,
// wrapped labels and titles, CRLF.
const file = [
	'',
	'',
	'',
	'A Title Long Enough That Python’s textwrap Has To Carry It Onto A Second Line Of',
	'Its Own',
	'',
	'by first_writer, Second Writer With A Long Pseud, third, fourth person, fifth,',
	'sixth',
	'',
	'',
	'',
	'Category: Original Work, Folklore',
	'Relationships: Nell & Aunt Hester, Nell/The Stranger, The Stranger & The',
	'Ferryman',
	'Status: Completed',
	'Packaged: 2025-03-02 08:15:00',
	'Story URL: https://archiveofourown.org/works/777',
	'Summary: One paragraph of summary that wraps onto a second line because it',
	'is long.',
	'',
	'And a second paragraph.',
	'',
	'',
	'',
	'',
	'',
	'TABLE OF CONTENTS',
	'',
	'',
	'Prologue',
	'',
	'Chapter 1, Xenos on Cinnabar',
	'',
	'2. the call',
	'',
	'',
	'',
	'',
	'        Prologue',
	'',
	'',
	'### Before',
	'',
	'The first words of the story.',
	'',
	'',
	'',
	'',
	'        Chapter 1, Xenos on Cinnabar',
	'',
	'',
	'A long-',
	'awaited boat.',
	'',
	'* * *',
	'',
	'After the break.',
	'',
	'',
	'',
	'',
	'        2. the call',
	'',
	'',
	'Last words.',
	'',
	'',
	'',
	'',
	'End file.',
	'',
].join('\r\n');

test('FanFicFare TXT as textwrap writes it: chapters, wrapped title, authors and labels', () => {
	const work = workOf(file, 'story.txt');
	assert.equal(work.format, 'fff-txt');
	assert.equal(
		work.meta.title,
		'A Title Long Enough That Python’s textwrap Has To Carry It Onto A Second Line Of Its Own',
	);
	assert.deepEqual(work.meta.authors, [
		'first_writer',
		'Second Writer With A Long Pseud',
		'third',
		'fourth person',
		'fifth',
		'sixth',
	]);
	assert.deepEqual(work.meta.relationships, [
		'Nell & Aunt Hester',
		'Nell/The Stranger',
		'The Stranger & The Ferryman',
	]);
	assert.equal(work.meta.ao3Id, '777');
	assert.equal(
		work.summary,
		'One paragraph of summary that wraps onto a second line because it is long.\n\nAnd a second paragraph.',
	);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['Prologue', 'Chapter 1, Xenos on Cinnabar', '2. the call'],
	);
	const story = work.blocks.filter((block) => block.part === 'story').map((block) => block.text);
	assert.deepEqual(story, [
		'Prologue',
		'Before',
		'The first words of the story.',
		'Chapter 1, Xenos on Cinnabar',
		'A long-awaited boat.',
		'* * *',
		'After the break.',
		'2. the call',
		'Last words.',
	]);
	// The contents list and the labels are not story.
	assert.equal(storyWords(work), 14);
});

test('a chapter title that textwrap carried onto a second line is one title', () => {
	const title = 'Chapter 3: In Which the Stranger Reads Aloud From the First Page of the Ledger';
	const lines = [
		'',
		'',
		'',
		'T',
		'',
		'by a',
		'',
		'',
		'',
		'Story URL: http://example.org/1',
		'Packaged: 2025-03-02 08:15:00',
		'',
		'',
		'TABLE OF CONTENTS',
		'',
		'',
		'One',
		'',
		title,
		'',
		'',
		'',
		'',
		'        One',
		'',
		'',
		'Text one.',
		'',
		'',
		'',
		'',
		'        Chapter 3: In Which the Stranger Reads Aloud From the First Page of',
		'the Ledger',
		'',
		'',
		'Text three.',
		'',
		'',
		'',
		'',
		'End file.',
	];
	const draft = parseFffTxt(lines.join('\n'));
	assert.deepEqual(
		draft.chapters.map((chapter) => chapter.title),
		['One', title],
	);
	assert.deepEqual(
		draft.chapters.map((chapter) => chapter.body.map((block) => block.text)),
		[['Text one.'], ['Text three.']],
	);
});

test('html2text markup in a chapter: line breaks, lists, quotes, escapes and strike-through', () => {
	const body = [
		'        Only',
		'',
		'',
		'Come to the customs house.  ',
		'Bring the ledger.',
		'',
		'  * the ledger',
		'  * matches, and the short',
		'candle',
		'',
		'\\- and then',
		'',
		'1984\\. That year.',
		'',
		'> Whoever keeps the crossings',
		'> keeps the road.',
		'',
		'It was ~~impossible~~ not _impossible_ at all.',
	];
	const draft = parseFffTxt(
		['', '', '', 'T', '', 'by a', '', '', '', ...body, '', 'End file.'].join('\n'),
	);
	const blocks = draft.chapters[0]!.body;
	assert.deepEqual(
		blocks.map((block) => [block.kind, block.text]),
		[
			['paragraph', 'Come to the customs house.\nBring the ledger.'],
			['list-item', '• the ledger'],
			['list-item', '• matches, and the short candle'],
			['paragraph', '- and then'],
			['paragraph', '1984. That year.'],
			['quote', 'Whoever keeps the crossings keeps the road.'],
			['paragraph', 'It was impossible not impossible at all.'],
		],
	);
	assert.equal(blocks[2]!.continued, true, 'a list reads one item a line');
	assert.deepEqual(blocks.at(-1)!.styles, [
		{start: 7, end: 17, style: 'strike'},
		{start: 22, end: 32, style: 'italic'},
	]);
});
