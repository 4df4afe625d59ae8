import assert from 'node:assert/strict';
import {test} from 'node:test';
import {previewFromBytes, workFromBytes} from '../../source/formats/open-work.ts';
import {generatedFile} from '../bench/generate.ts';

for (const format of ['ao3-text', 'ao3-html', 'epub'] as const) {
	test(`${format}: a large work's preview is the start of the whole work, block for block`, () => {
		const {bytes, extension} = generatedFile(format, format === 'epub' ? 2_500_000 : 600_000);
		const path = `big.${extension}`;
		const preview = previewFromBytes(bytes, path);
		const whole = workFromBytes(bytes, path);
		assert.ok(preview, 'a preview for a file over 2 MB');
		assert.equal(preview.partial, true);
		assert.equal(preview.id, whole.id);
		assert.ok(preview.blocks.length > 50 && preview.blocks.length < whole.blocks.length);
		// The last previewed block may be cut short; every one before it is the same.
		for (const [index, block] of preview.blocks.slice(0, -1).entries()) {
			assert.equal(block.text, whole.blocks[index]!.text, `block ${index}`);
			assert.equal(block.kind, whole.blocks[index]!.kind, `block ${index}`);
		}
	});
}

test('an HTML work written on one line still previews: cut after its last tag, not its last line', () => {
	const {bytes: lines} = generatedFile('ao3-html', 600_000);
	const bytes = Buffer.from(Buffer.from(lines).toString('utf8').replaceAll('\n', ' '));
	const preview = previewFromBytes(bytes, 'one-line.html');
	const whole = workFromBytes(bytes, 'one-line.html');
	assert.ok(preview, 'a preview of a 3 MB file on one line');
	assert.equal(preview.id, whole.id);
	assert.ok(preview.blocks.length > 50 && preview.blocks.length < whole.blocks.length);
	for (const [index, block] of preview.blocks.slice(0, -1).entries())
		assert.equal(block.text, whole.blocks[index]!.text, `block ${index}`);
});

test('a small work has no preview', () => {
	const {bytes} = generatedFile('ao3-text', 5000);
	assert.equal(previewFromBytes(bytes, 'small.txt'), undefined);
});

test("an EPUB that opens with short documents still previews under the whole work's id", () => {
	const {bytes} = generatedFile('epub', 600_000, {frontMatter: true});
	const preview = previewFromBytes(bytes, 'big.epub');
	assert.ok(preview, 'a preview');
	assert.equal(preview.id, workFromBytes(bytes, 'big.epub').id);
});
