import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {projectRoot} from './e2e/terminal.ts';

test('the bundle ships the licence notices of the packages it bundles', () => {
	const notices = readFileSync(`${projectRoot}/dist/THIRD-PARTY-NOTICES.txt`, 'utf8');
	for (const name of [
		'ink',
		'react',
		'conf',
		'htmlparser2',
		'fflate',
		'valibot',
		'yoga-layout',
		'pdfjs-dist',
	]) {
		assert.match(notices, new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ \\(`, 'm'), name);
	}

	// Every section carries a licence text, not only a name.
	const sections = notices.split(/\n\n\n/).slice(1);
	for (const section of sections) assert.match(section, /copyright|permission/i, section);
	const manifest = JSON.parse(readFileSync(`${projectRoot}/package.json`, 'utf8')) as {
		files: string[];
		license: string;
	};
	assert.ok(manifest.files.includes('dist'), 'dist/ (and the notices in it) is published');
	assert.match(readFileSync(`${projectRoot}/LICENSE`, 'utf8'), /^MIT License/);
	assert.equal(manifest.license, 'MIT');
});
