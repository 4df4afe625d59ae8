import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {Store, type SavedWork} from '../../source/store/store.ts';

const folders: string[] = [];
after(() => {
	for (const path of folders) rmSync(path, {recursive: true, force: true});
});

function saved(id: string, block: number): SavedWork {
	return {
		id,
		title: `Work ${id}`,
		authors: ['Someone'],
		path: `/works/${id}.txt`,
		format: 'text',
		anchor: {block, offset: 0, snippet: 'The wind came round', opening: 'The wind', chapter: 0},
		fraction: 0.25,
		chapters: 3,
		words: 1200,
		readAt: '2026-01-01T12:00:00.000Z',
		bookmarks: [],
	};
}

/** A store folder whose state.json holds `state`, and a store on it that collects its warnings. */
function storeWith(state: Record<string, unknown>) {
	const folder = mkdtempSync(join(tmpdir(), 'ficterm-schema-'));
	folders.push(folder);
	writeFileSync(join(folder, 'state.json'), JSON.stringify(state));
	const warnings: string[] = [];
	const open = () => new Store(folder, (warning) => warnings.push(warning));
	return {
		folder,
		warnings,
		open,
		file: () => JSON.parse(readFileSync(join(folder, 'state.json'), 'utf8')),
	};
}

test('a saved place whose block is a string is told once, set aside, and read as nothing', () => {
	const bad = {...saved('bad', 0), anchor: {block: '12'}};
	const {warnings, open, file} = storeWith({'work bad': bad, 'work good': saved('good', 7)});
	assert.equal(open().work('bad'), undefined);
	assert.equal(warnings.length, 1);
	assert.doesNotMatch(warnings[0]!, /\n/);
	assert.match(
		warnings[0]!,
		/^the saved place of "Work bad" is not in a shape ficterm reads \(anchor\.block: expected number, got "12"\), so the work is taken as never read; the entry is kept in .*state\.json under "set aside work bad /,
	);
	// Set aside, not lost: the entry is kept whole under another key, and told only once.
	const state = file();
	assert.equal(state['work bad'], undefined);
	const aside = Object.keys(state).find((key) => key.startsWith('set aside work bad '))!;
	assert.deepEqual(state[aside], bad);
	assert.equal(open().work('bad'), undefined);
	assert.equal(warnings.length, 1);
	assert.equal(open().work('good')?.anchor.block, 7, 'other works keep their places');
});

test('the library’s list leaves out a wrong-shaped entry and tells it once', () => {
	const {warnings, open} = storeWith({
		'work good': saved('good', 2),
		'work odd': {...saved('odd', 1), bookmarks: [{label: 'x'}]},
		'work none': null,
	});
	assert.deepEqual(
		open()
			.works()
			.map((work) => work.id),
		['good'],
	);
	assert.equal(warnings.length, 2);
	assert.match(warnings.join('\n'), /bookmarks\.0\.block: missing\)/);
	assert.match(
		warnings.join('\n'),
		/the saved place of none is not in a shape ficterm reads \(the entry: expected Object, got null\)/,
	);
	assert.equal(open().works().length, 1);
	assert.equal(warnings.length, 2);
});

test('settings of a wrong shape give way to the defaults, and saving settings goes on', () => {
	const {warnings, open} = storeWith({settings: {maxWidth: 'wide'}});
	assert.deepEqual(open().settings(), {});
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!, /^the saved settings are not in a shape ficterm reads \(maxWidth: /);
	open().saveSettings({maxWidth: 70});
	assert.deepEqual(open().settings(), {maxWidth: 70});
	assert.equal(warnings.length, 1);
});

test('fields that a newer ficterm added are kept, not read as a wrong shape', () => {
	const newer = {...saved('new', 4), colour: 'sepia'};
	const {warnings, open} = storeWith({'work new': newer, settings: {maxWidth: 72, theme: 'dark'}});
	assert.deepEqual(open().work('new'), newer);
	open().saveSettings({wordsPerMinute: 300});
	assert.deepEqual(open().settings(), {maxWidth: 72, theme: 'dark', wordsPerMinute: 300});
	assert.deepEqual(warnings, []);
});

test('text from the store is made safe before it is told', () => {
	const {warnings, open} = storeWith({
		'work evil': {...saved('evil', 0), title: 'Evil\u001B]0;pwned\u0007 title', fraction: 2},
	});
	assert.equal(open().work('evil'), undefined);
	assert.doesNotMatch(warnings[0]!, /\u001B|\u0007/);
	assert.match(warnings[0]!, /fraction: expected <=1, got 2/);
});
