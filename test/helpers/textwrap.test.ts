// The test writer of FanFicFare's TXT must wrap as CPython's textwrap does; expected lines below
// are CPython 3.11's own output for the same calls.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {textwrap} from './textwrap.ts';

test('wraps as Python’s textwrap: tabs, hyphens, em-dashes, long words', () => {
	assert.deepEqual(
		textwrap(
			'\tIn Which a Chapter Title Is Long Enough for Python’s textwrap to Carry It Over',
			78,
		),
		['        In Which a Chapter Title Is Long Enough for Python’s textwrap to Carry', 'It Over'],
	);
	assert.deepEqual(
		textwrap(
			'Nell waited on the harbour wall all through the grey morning for the long-awaited supply boat.',
			78,
		),
		[
			'Nell waited on the harbour wall all through the grey morning for the long-',
			'awaited supply boat.',
		],
	);
	assert.deepEqual(
		textwrap(
			'She counted again, slowly, and the shape of the old customs house stood dark--darker than the night--behind the row.',
			78,
		),
		[
			'She counted again, slowly, and the shape of the old customs house stood dark--',
			'darker than the night--behind the row.',
		],
	);
	const url =
		'http://test1.com?sid=12&chapter=2&and=a-very-long-url-without-any-spaces-in-it-at-all';
	assert.deepEqual(textwrap(url, 30, false), [
		'http://test1.com?sid=12&chapter=2&and=a-very-',
		'long-url-without-any-spaces-',
		'in-it-at-all',
	]);
	assert.deepEqual(textwrap(url, 30), [
		'http://test1.com?sid=12&chapte',
		'r=2&and=a-very-long-url-',
		'without-any-spaces-in-it-at-',
		'all',
	]);
});
