// Chinese and Japanese PDFs whose fonts are only named, their text in codes of Adobe's predefined
// CMaps: read with pdf.js's CMaps, from the repository and from the bundle alike.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {openWorkBytes} from '../../source/formats/open-work.ts';
import {cjkSamplePdf} from '../helpers/pdf-writer.ts';

const cjkSample = cjkSamplePdf();

test('text in UniJIS-UCS2-H and UniGB-UCS2-H fonts comes out as its characters, lines joined without spaces', async () => {
	const work = await openWorkBytes(cjkSample, 'cjk.pdf');
	assert.deepEqual(
		work.blocks.filter((block) => block.part === 'story').map((block) => block.text),
		[
			'灯台の光が三度まわって、港の船はみな眠っていた。',
			'海风吹过小镇的屋顶，灯塔守着整夜的潮声。',
		],
	);
});
