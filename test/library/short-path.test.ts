import assert from 'node:assert/strict';
import {test} from 'node:test';
import {shortPath} from '../../source/library/short-path.ts';

test('a stored absolute path is shown from the current folder, or from ~, or whole', () => {
	const places = {cwd: '/home/ann/fic', home: '/home/ann'};
	assert.equal(shortPath('/home/ann/fic/seed.txt', places), 'seed.txt');
	assert.equal(shortPath('/home/ann/books/seed.txt', places), '~/books/seed.txt');
	assert.equal(shortPath('/home/annex/seed.txt', places), '/home/annex/seed.txt');
	assert.equal(shortPath('/srv/seed.txt', {cwd: '/', home: '/'}), '/srv/seed.txt');
});
