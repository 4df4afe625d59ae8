import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {insideResolver, resolveInside} from '../../source/formats/epub-container.ts';
import {fuzzRuns} from '../helpers/fuzz.ts';

const outcome = (resolve: () => string) => {
	try {
		return resolve();
	} catch (error) {
		return `error: ${(error as Error).message}`;
	}
};

test('insideResolver resolves every href as resolveInside does, refusals included', () => {
	const bases = [
		'content.opf',
		'OEBPS/content.opf',
		'./content.opf',
		'/content.opf',
		'../content.opf',
		'a/../b/content.opf',
		'a/./b//content.opf',
		'OEBPS/text/nav.xhtml',
		'..',
		'',
	];
	const pieces = [
		'a',
		'b.xhtml',
		'c d',
		'.',
		'..',
		'...',
		'/',
		'%20',
		'%zz',
		'#f',
		'\\',
		':',
		'..x',
	];
	fc.assert(
		fc.property(
			fc.constantFrom(...bases),
			fc.array(fc.constantFrom(...pieces), {maxLength: 7}).map((parts) => parts.join('')),
			(base, href) => {
				assert.equal(
					outcome(() => insideResolver(base)(href)),
					outcome(() => resolveInside(base, href)),
				);
			},
		),
		fuzzRuns(3000),
	);
	const inside = insideResolver('OEBPS/content.opf');
	assert.equal(inside('Text/ch1.xhtml#p3'), 'OEBPS/Text/ch1.xhtml');
	assert.equal(inside('../Images/a%20b.png'), 'Images/a b.png');
	assert.throws(() => inside('../../etc/passwd'), /points outside itself/);
});
