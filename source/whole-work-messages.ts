// What the main thread and the parsing worker say to each other.

import type {PackedTexts} from './packed-texts.ts';
import type {Block, Work} from './work/types.ts';

export type WorkerInput = {bytes?: ArrayBuffer; path: string};

export type FromWorker =
	/** Every block's text, sent once before the blocks, whose own texts are empty. */
	| {type: 'texts'; texts: PackedTexts}
	| {type: 'blocks'; blocks: Block[]; received: number; total: number}
	| {type: 'rest'; rest: Omit<Work, 'blocks'>}
	| {type: 'failed'; message: string; loadError: boolean};

export type ToWorker = {type: 'more'};
