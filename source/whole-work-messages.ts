// What the main thread and the parsing worker say to each other.

import type {PackedChapters} from './packed-chapters.ts';
import type {BlockPiece} from './packed-blocks.ts';
import type {Work} from './work/types.ts';
import type {FoldedTexts} from './work/fold-texts.ts';

export type WorkerInput = {bytes?: ArrayBuffer; path: string};

export type FromWorker =
	/** Every block's text, folded, before the blocks themselves. */
	| ({type: 'texts'} & FoldedTexts)
	/** A piece of the blocks, without their texts. */
	| ({type: 'blocks'} & BlockPiece)
	| {type: 'rest'; rest: Omit<Work, 'blocks' | 'chapters' | 'sections'>; outline: PackedChapters}
	| {type: 'failed'; message: string; loadError: boolean};
