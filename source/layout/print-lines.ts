// The whole work as plain lines at one width, for --print and pipes.

import type {Work} from '../work/types.ts';
import {wrapBlock} from './wrap-block.ts';

export function* printLines(
	work: Work,
	width: number,
	options: {readings?: boolean} = {},
): Generator<string> {
	const {blocks} = work;
	for (const [index, block] of blocks.entries()) {
		const next = blocks[index + 1];
		const gapAfter = next !== undefined && !next.continued && block.kind !== 'spacer';
		for (const line of wrapBlock(block, width, {
			gapAfter,
			revealTags: true,
			readings: options.readings,
		})) {
			yield line.text ? ' '.repeat(line.indent) + line.text : '';
		}
	}
}
