import assert from 'node:assert/strict';
import {test} from 'node:test';
import {resumeAnchor, savedAnchor} from '../../source/store/resume.ts';
import {generatedText, workOf} from '../helpers/works.ts';

const original = workOf(generatedText(4));

test('an unchanged work resumes exactly', () => {
	const saved = savedAnchor(original, {block: 20, offset: 12});
	assert.deepEqual(resumeAnchor(original, saved), {anchor: {block: 20, offset: 12}, exact: true});
});

test('a work with a paragraph added before the place finds the place by its snippet', () => {
	const saved = savedAnchor(original, {block: 21, offset: 12});
	assert.ok(saved.snippet.length > 20);
	const text = generatedText(4).replace(
		'Chapter 2',
		'Chapter 2\n\nA new paragraph the author added later.',
	);
	const edited = workOf(text);
	const resumed = resumeAnchor(edited, saved);
	assert.equal(resumed.exact, true);
	assert.equal(
		edited.blocks[resumed.anchor.block]!.text.slice(
			resumed.anchor.offset,
			resumed.anchor.offset + 20,
		),
		saved.snippet.slice(0, 20),
	);
});

test('a work that gained chapters keeps the place', () => {
	const saved = savedAnchor(original, {block: 30, offset: 0});
	const grown = workOf(generatedText(4) + '\nChapter 5\n\nSomething new happens at last.\n');
	assert.equal(grown.chapters.length, 5);
	assert.deepEqual(resumeAnchor(grown, saved).anchor, {block: 30, offset: 0});
});

test('when the text is gone, it falls back to the same chapter and says it was not exact', () => {
	const saved = {
		...savedAnchor(original, {block: 30, offset: 0}),
		snippet: 'words that are nowhere in the work',
		opening: 'nor are these words',
	};
	const resumed = resumeAnchor(original, saved);
	assert.equal(resumed.exact, false);
	assert.equal(resumed.anchor.block, original.chapters[saved.chapter]!.start);
});

test('a place saved in the AO3 HTML download is found in the EPUB of the same work', async () => {
	const {loadWork} = await import('../../source/formats/read-work-file.ts');
	const {workFromBytes} = await import('../../source/formats/open-work.ts');
	const {zipFolder} = await import('../helpers/epub.ts');
	const fixtures = new URL('../fixtures/', import.meta.url).pathname;
	const html = loadWork(`${fixtures}ao3-html/chaptered.html`);
	const epub = workFromBytes(zipFolder(`${fixtures}ao3-epub/cold-iron-stars.epub.d`), 'x.epub');
	assert.equal(html.id, epub.id);
	const block = html.blocks.findIndex((candidate) => candidate.text.startsWith('Three days later'));
	const saved = savedAnchor(html, {block, offset: 11});
	const resumed = resumeAnchor(epub, saved);
	assert.equal(resumed.exact, true);
	assert.equal(
		epub.blocks[resumed.anchor.block]!.text.slice(resumed.anchor.offset),
		'later the stars were in the wrong places.',
	);
});

test('a saved block far past the end is looked for from the end', {timeout: 5000}, () => {
	const saved = {...savedAnchor(original, {block: 3, offset: 0}), block: 1e12};
	const {anchor} = resumeAnchor(original, saved);
	assert.ok(anchor.block >= 0 && anchor.block < original.blocks.length);
});
