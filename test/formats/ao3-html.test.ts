import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {workFromBytes} from '../../source/formats/open-work.ts';

const download = readFileSync(
	new URL('../fixtures/ao3-html/chaptered.html', import.meta.url).pathname,
	'utf8',
);

test('a chapter by another creator keeps the work byline', () => {
	// AO3 writes "Chapter by …" under a chapter's heading when its creators differ from the work's.
	const html = download.replace(
		'<h2 class="heading">Chapter 2</h2>',
		'<h2 class="heading">Chapter 2</h2>\n    <p class="byline">Chapter by <a rel="author" href="https://archiveofourown.org/users/guest/pseuds/guest">guest</a></p>',
	);
	assert.notEqual(html, download);
	const work = workFromBytes(new TextEncoder().encode(html), 'chaptered.html');
	assert.deepEqual(work.meta.authors, ['deckhand', 'starwright']);
	assert.ok(!work.blocks.some((block) => block.text.includes('Chapter by')));
});
