// What reading an EPUB holds in memory at once: its documents are inflated one by one, as read.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openEpub} from '../../source/formats/epub-container.ts';
import {ZipEntries} from '../../source/formats/zip-entries.ts';
import {generatedFile} from '../bench/generate.ts';

test('opening an EPUB inflates none of its documents: each is inflated when it is read', (t) => {
	// Inflated all at once, a 5M-word work's documents took 80 MB that the allocator then kept.
	const inflated: string[] = [];
	const load = ZipEntries.prototype.load;
	t.mock.method(ZipEntries.prototype, 'load', function (this: ZipEntries, names: Iterable<string>) {
		const list = [...names];
		inflated.push(...list);
		load.call(this, list);
	});
	const pkg = openEpub(generatedFile('epub', 20_000).bytes);
	assert.ok(pkg.spine.length > 3, `${pkg.spine.length} documents`);
	assert.deepEqual(
		inflated.filter((name) => pkg.spine.includes(name)),
		[],
		'documents inflated on opening',
	);
	// Read in order, each document is there, inflated then.
	for (const path of pkg.spine) assert.match(pkg.text(path), /<body/);
	assert.deepEqual(
		inflated.filter((name) => pkg.spine.includes(name)),
		pkg.spine,
	);
});
