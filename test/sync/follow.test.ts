import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Bookmark} from '../../source/store/schema.ts';
import type {RemotePlace} from '../../source/sync/engine.ts';
import {mergeBookmarks, placeToFollow} from '../../source/sync/follow.ts';

const remote = (
	block: number,
	updatedAt: string,
	extra: Partial<RemotePlace> = {},
): RemotePlace => ({
	device: 'laptop',
	updatedAt,
	anchor: {block, offset: 0},
	exact: true,
	...extra,
});
const here = {block: 5, offset: 0};

test('a place saved after this device last saved is followed; the newest of several wins', () => {
	const places = [
		remote(9, '2026-01-01T10:00:00Z'),
		remote(30, '2026-01-01T12:00:00Z', {device: 'desktop'}),
		remote(20, '2026-01-01T11:00:00Z'),
	];
	assert.equal(
		placeToFollow(places, {since: '2026-01-01T09:00:00Z', anchor: here})?.device,
		'desktop',
	);
});

test('an older place, one saved at the same moment, or one where the reader is, is ignored', () => {
	const since = '2026-01-01T10:00:00.000Z';
	assert.equal(
		placeToFollow([remote(9, '2026-01-01T09:59:59Z')], {since, anchor: here}),
		undefined,
	);
	assert.equal(placeToFollow([remote(9, since)], {since, anchor: here}), undefined);
	assert.equal(
		placeToFollow([remote(5, '2026-01-01T11:00:00Z')], {since, anchor: here}),
		undefined,
	);
	assert.equal(placeToFollow([], {since, anchor: here}), undefined);
});

test('a work never saved on this device follows any other device', () => {
	assert.equal(placeToFollow([remote(9, '2020-01-01T00:00:00Z')], {anchor: here})?.anchor.block, 9);
});

const mark = (label: string, createdAt: string): Bookmark => ({
	block: 1,
	offset: 0,
	snippet: '',
	opening: '',
	chapter: 0,
	label,
	createdAt,
});

test('bookmarks merge as a union by label', () => {
	const merged = mergeBookmarks(
		[mark('a', '2026-01-01T10:00:00Z'), mark('b', '2026-01-01T10:00:00Z')],
		[],
		[
			remote(1, '2026-01-01T10:00:00Z', {
				bookmarks: [mark('b', '2026-01-01T09:00:00Z'), mark('c', '2026-01-01T11:00:00Z')],
			}),
		],
	);
	assert.deepEqual(
		merged.bookmarks.map((bookmark) => bookmark.label),
		['a', 'b', 'c'],
	);
	assert.equal(merged.changed, true);
	const same = mergeBookmarks(
		[mark('a', '2026-01-01T10:00:00Z')],
		[],
		[remote(1, '2026-01-01T10:00:00Z', {bookmarks: [mark('a', '2026-01-01T10:00:00Z')]})],
	);
	assert.equal(same.changed, false);
});

test('a bookmark deleted on one device is not brought back by another; made again after, it stays', () => {
	const deletedHere = mergeBookmarks(
		[],
		[{label: 'a', deletedAt: '2026-01-01T12:00:00Z'}],
		[remote(1, '2026-01-01T10:00:00Z', {bookmarks: [mark('a', '2026-01-01T10:00:00Z')]})],
	);
	assert.deepEqual(deletedHere.bookmarks, []);
	assert.equal(deletedHere.changed, false);

	const deletedThere = mergeBookmarks(
		[mark('a', '2026-01-01T10:00:00Z'), mark('b', '2026-01-01T10:00:00Z')],
		[],
		[
			remote(1, '2026-01-01T13:00:00Z', {
				deletedBookmarks: [{label: 'a', deletedAt: '2026-01-01T12:00:00Z'}],
			}),
		],
	);
	assert.deepEqual(
		deletedThere.bookmarks.map((bookmark) => bookmark.label),
		['b'],
	);
	assert.equal(deletedThere.changed, true);
	assert.deepEqual(deletedThere.deletedBookmarks, [
		{label: 'a', deletedAt: '2026-01-01T12:00:00Z'},
	]);

	const madeAgain = mergeBookmarks(
		[mark('a', '2026-01-01T14:00:00Z')],
		[],
		[
			remote(1, '2026-01-01T13:00:00Z', {
				deletedBookmarks: [{label: 'a', deletedAt: '2026-01-01T12:00:00Z'}],
			}),
		],
	);
	assert.deepEqual(
		madeAgain.bookmarks.map((bookmark) => bookmark.label),
		['a'],
	);
});

test('deletions remembered are bounded, the newest kept', () => {
	const many = Array.from({length: 500}, (_, index) => ({
		label: `m${index}`,
		deletedAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
	}));
	const merged = mergeBookmarks([], many, []);
	assert.equal(merged.deletedBookmarks.length, 200);
	assert.equal(merged.deletedBookmarks.at(-1)!.label, 'm499');
});
