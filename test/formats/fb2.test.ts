// FB2: detection by content, .fb2.zip, notes and verse, and files that try to hurt the reader.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {zipSync} from 'fflate';
import {inflateFb2} from '../../source/formats/fb2-zip.ts';
import {workFromBytes} from '../../source/formats/open-work.ts';

const encode = (text: string) => new TextEncoder().encode(text);

const fb2 = (body: string, extra = '') =>
	encode(
		`<?xml version="1.0" encoding="utf-8"?><FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><description><title-info><author><first-name>Ada</first-name><last-name>Quill</last-name></author><book-title>Small Hours</book-title><lang>en</lang></title-info></description><body>${body}</body>${extra}</FictionBook>`,
	);

test('an FB2 is chosen by its content, whatever its name', () => {
	const work = workFromBytes(
		fb2('<section><title><p>One</p></title><p>The tide came in slowly.</p></section>'),
		'small-hours.txt',
	);
	assert.equal(work.format, 'fb2');
	assert.equal(work.meta.title, 'Small Hours');
	assert.deepEqual(work.meta.authors, ['Ada Quill']);
	assert.deepEqual(
		work.chapters.map((chapter) => chapter.title),
		['One'],
	);
});

test('a notes body is end notes, not story, and a stanza keeps its lines', () => {
	const work = workFromBytes(
		fb2(
			'<section><title><p>One</p></title><p>Text<a xlink:href="#n1" type="note">1</a>.</p><poem><stanza><v>First line,</v><v>second line.</v></stanza></poem></section>',
			'<body name="notes"><section id="n1"><title><p>1</p></title><p>A note.</p></section></body>',
		),
		'x.fb2',
	);
	const story = work.blocks.filter((block) => block.part === 'story').map((block) => block.text);
	assert.ok(story.includes('Text[1].'));
	assert.ok(story.includes('First line,\nsecond line.'));
	assert.ok(!story.some((text) => text.includes('A note')));
	assert.equal(work.endNotes, '[1] A note.');
});

test('an FB2 in a zip is read, and a zip bomb inside is stopped as it inflates', () => {
	const file = fb2('<section><title><p>One</p></title><p>Zipped words.</p></section>');
	const work = workFromBytes(zipSync({'small.fb2': file}), 'small.fb2.zip');
	assert.equal(work.format, 'fb2');
	const bomb = zipSync({'bomb.fb2': new Uint8Array(2 * 1024 * 1024).fill(0x20)});
	assert.ok(bomb.length < 20_000);
	assert.throws(() => inflateFb2(bomb, 'bomb.fb2', undefined, 512 * 1024), /zip bomb/);
	assert.equal(inflateFb2(bomb, 'bomb.fb2', 1000).length, 1000);
});

test('unclosed tags and a file cut short still give their text', () => {
	const cut = fb2('<section><title><p>One</p></title><p>Cut <emphasis>short here').subarray(
		0,
		-'</body></FictionBook>'.length,
	);
	const work = workFromBytes(cut, 'x.fb2');
	assert.match(work.blocks.map((block) => block.text).join('\n'), /Cut short here/);
});

// htmlparser2 keeps its open elements with Array#unshift, so nesting far deeper than this is
// quadratic in the parser itself, in every XML and HTML format alike.
test('hostile nesting costs little and opens', () => {
	const depth = 5000;
	const sections = '<section><title><p>Deep</p></title>'.repeat(depth);
	const emphasis = '<emphasis>'.repeat(depth);
	const start = performance.now();
	const work = workFromBytes(fb2(`${sections}<p>${emphasis}Bottom.</p>`), 'x.fb2');
	assert.ok(performance.now() - start < 5000);
	assert.match(work.blocks.at(-1)!.text, /Bottom\./);
	assert.ok(work.chapters.length <= 40);
});
