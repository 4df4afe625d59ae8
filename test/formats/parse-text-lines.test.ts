// Plain text read from its lines must give exactly what reading the whole text gives, and every
// other text format must still be chosen as it is from the whole text.

import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {parseText, parseTextLines} from '../../source/formats/index.ts';
import {workFromBytes, workFromFile} from '../../source/formats/open-work.ts';
import {decodeLines, type FileLines} from '../../source/work/decode-lines.ts';
import {arrayLines} from '../../source/work/line-list.ts';

const fixtureRoot = new URL('../fixtures/', import.meta.url).pathname;

const bothWays = (lines: string[], path: string) => {
	const fromLines = parseTextLines(arrayLines([...lines]), path);
	assert.deepEqual(fromLines, parseText({text: lines.join('\n'), path}), path);
	return fromLines.format;
};

test('every text fixture reads the same from its lines as from its whole text', () => {
	let read = 0;
	for (const format of readdirSync(fixtureRoot)) {
		for (const name of readdirSync(join(fixtureRoot, format))) {
			if (/\.expected\.|\.d$/.test(name)) continue;
			const path = join(fixtureRoot, format, name);
			const lines = decodeLines(readFileSync(path));
			if (!lines) continue;
			const text = decodeLines(readFileSync(path))!.all().join('\n');
			assert.deepEqual(parseTextLines(lines, path), parseText({text, path}), path);
			read++;
		}
	}

	assert.ok(read > 20, `${read} fixtures read`);
});

/** Over 300,000 characters of plain prose: the markers below lie past everything read of its start. */
const prose = Array.from({length: 5000}, (_, index) => [
	`Paragraph ${index} of the long middle, “quoted” and plain, going on a little.`,
	'',
]).flat();

test('a long text is chosen by what lies past its start as well: AO3 markers and an FFF ending', () => {
	const start = ['Title', '', 'by Someone', '', ''];
	assert.equal(
		bothWays([...start, ...prose, 'Work Text:', '', 'The story.', ''], 'a.txt'),
		'ao3-text',
	);
	// The first "Chapter Text" is inside a sentence, so the text is not AO3's, even with one later.
	const inside = ['A line naming Chapter Text in passing.', '', 'Chapter Text', 'More.'];
	assert.equal(bothWays([...start, ...prose, ...inside], 'b.txt'), 'text');
	// "Chapter Text" first at a line's start, then "Work Text:" inside a line that holds both.
	const both = [
		'Chapter 1',
		'',
		'Chapter Text',
		'',
		'The story.',
		'',
		'x Work Text: and Chapter Text',
	];
	assert.equal(bothWays([...start, ...prose, ...both], 'c.txt'), 'ao3-text');
	// FanFicFare's text without its "Packaged:" line is known by its byline and its last line.
	const fff = decodeLines(readFileSync(join(fixtureRoot, 'fff-txt/lantern-road.txt')))!.all();
	// (and without the Markdown heading that one chapter has, which would make it Markdown's first)
	const unpackaged = fff.filter((line) => !/^(?:Packaged:|### )/.test(line));
	unpackaged.splice(-12, 0, ...prose);
	assert.equal(bothWays(unpackaged, 'd.txt'), 'fff-txt');
	assert.equal(bothWays([...start, ...prose, '', 'Chapter 2', '', 'More.'], 'e.txt'), 'text');
	// A Markdown heading only past the first 5,000 characters does not make Markdown.
	assert.equal(bothWays([...prose, '# Heading', '', 'Text.'], 'f.txt'), 'text');
	assert.equal(bothWays(['<html><body><p>Hi</p>', ...prose, '</body></html>'], 'g.txt'), 'html');
});

test('a large plain text is never decoded as one string', (t) => {
	const text = `Title\n\n\nChapter 1\n\n${prose.join('\n')}\n一つの言葉\n`.repeat(4);
	const decode = t.mock.method(TextDecoder.prototype, 'decode');
	const work = workFromBytes(Buffer.from(text), 'long.txt');
	assert.ok(work.blocks.length > 10_000);
	const longest = Math.max(
		0,
		...decode.mock.calls.map((call) => (call.arguments[0] as Uint8Array | undefined)?.length ?? 0),
	);
	assert.ok(longest < 64 * 1024, `decoded ${longest} bytes at once`);
});

test('a plain text takes its lines in order, and says how its bytes are read', () => {
	// The lines and the paragraphs made of them are never both whole: the lines go chapter by chapter.
	const lines = [
		'Title',
		'',
		'',
		'Chapter 1',
		'',
		'One line',
		'wrapped.',
		'',
		'Chapter 2',
		'',
		'Two.',
	];
	const draft = parseTextLines(arrayLines(lines), 'x.txt');
	assert.equal(draft.chapters.length, 2);
	assert.ok(lines.every((line) => line === ''));
	// The opener says when a text's bytes are read by lines, or decoded whole, so that their owner
	// can keep texts over them, or free them.
	const told: string[] = [];
	const holder = (bytes: Uint8Array) => ({
		bytes,
		decoded: () => told.push('decoded'),
		lines: (read: FileLines) => told.push(`${read.length} lines`),
	});
	const file = holder(Buffer.from('Chapter 1\n\nSome text.\n'));
	workFromFile(file, 'x.txt');
	assert.deepEqual(told, ['4 lines']);
	assert.equal(file.bytes, undefined);
	told.length = 0;
	workFromFile(holder(Buffer.from('\uFEFFChapter 1\n\nSome text.\n', 'utf16le')), 'x.txt');
	assert.deepEqual(told, ['decoded']);
	// Markdown reads every line at once: the bytes are then done with.
	told.length = 0;
	workFromFile(holder(Buffer.from('# One\n\nSome text.\n')), 'x.md');
	assert.deepEqual(told, ['4 lines', 'decoded']);
});

test('AO3 text, FanFicFare TXT and Markdown are read from their lines too, never joined into one text', () => {
	const fff = decodeLines(readFileSync(join(fixtureRoot, 'fff-txt/lantern-road.txt')))!.all();
	const long = [
		['ao3-text', ['Title', '', 'by Someone', '', 'Work Text:', '', ...prose], 'a.txt'],
		['fff-txt', [...fff.slice(0, -12), ...prose, ...fff.slice(-12)], 'b.txt'],
		['markdown', ['# Title', '', '## One', '', ...prose, '## Two', '', 'End.'], 'c.md'],
	] as const;
	for (const [format, source, path] of long) {
		const lines = [...source];
		// Joined, these lines would make a string of the whole work, each paragraph a slice of it.
		Object.defineProperty(lines, 'join', {
			value() {
				throw new Error('the lines were joined');
			},
		});
		const draft = parseTextLines(arrayLines(lines), path);
		assert.equal(draft.format, format);
		assert.deepEqual(draft, parseText({text: source.join('\n'), path}), path);
	}
});

test('an HTML text read from its lines lets go of them once joined, before it is read', () => {
	const source = [
		'<!DOCTYPE html><html><body>',
		'<p>One “quoted” paragraph.</p>',
		'</body></html>',
	];
	const lines = decodeLines(Buffer.from(source.join('\n')))!;
	let taken: string[] = [];
	const takeAll = lines.takeAll.bind(lines);
	lines.takeAll = () => (taken = takeAll());
	const draft = parseTextLines(lines, 'page.html');
	assert.equal(draft.format, 'html');
	// Left to the collector, the lines stayed alive while the text was read: a slot of the call held them.
	assert.deepEqual(taken, []);
	assert.throws(() => lines.all(), /let go of/, 'nor does the list keep them');
});
