// Builds works from text for tests, the same way the CLI does.

import {workFromBytes} from '../../source/formats/open-work.ts';
import type {Work} from '../../source/work/types.ts';

export function workOf(text: string, path = 'test.txt'): Work {
	return workFromBytes(Buffer.from(text, 'utf8'), path);
}

const sentences = [
	'The rain had not stopped for three days, and the gutters sang with it.',
	'She counted the steps twice, because the first time she had not believed the number.',
	'Somewhere below, a door closed softly, as if whoever shut it hoped not to be heard.',
	'He laughed, then looked surprised at himself for laughing.',
	'The kettle had boiled dry while they argued, and neither of them noticed.',
	'By morning the sea had forgotten everything it had done in the night.',
];

/** A work of `chapters` chapters, each of `scenes` scenes of `paragraphs` paragraphs, as plain text. */
export function generatedText(chapters: number, scenes = 2, paragraphs = 4): string {
	const parts: string[] = [];
	for (let chapter = 1; chapter <= chapters; chapter++) {
		parts.push(`Chapter ${chapter}`);
		for (let scene = 1; scene <= scenes; scene++) {
			if (scene > 1) parts.push('* * *');
			for (let paragraph = 1; paragraph <= paragraphs; paragraph++) {
				const words = sentences.slice(0, 2 + ((chapter + scene + paragraph) % 4)).join(' ');
				parts.push(`C${chapter}S${scene}P${paragraph}. ${words}`);
			}
		}
	}

	return parts.join('\n\n') + '\n';
}
