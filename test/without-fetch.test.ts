import assert from 'node:assert/strict';
import {test} from 'node:test';
import {withoutFetch} from '../source/without-fetch.ts';

test('fetch is absent while the interface loads, and the same fetch is back after', async () => {
	const before = globalThis.fetch;
	const seen = await withoutFetch(async () => typeof globalThis.fetch);
	assert.equal(seen, 'undefined');
	assert.equal(globalThis.fetch, before);
});

test('fetch comes back when loading fails, and the failure is not hidden', async () => {
	const before = globalThis.fetch;
	await assert.rejects(
		withoutFetch(async () => {
			throw new Error('no such module');
		}),
		/no such module/,
	);
	assert.equal(globalThis.fetch, before);
});

test('Yoga, which Ink lays out with, loads with fetch absent', async () => {
	const {default: yoga} = await withoutFetch(async () => import('yoga-layout'));
	const node = yoga.Node.create();
	node.setWidth(7);
	node.calculateLayout(undefined, undefined);
	assert.equal(node.getComputedWidth(), 7);
});
