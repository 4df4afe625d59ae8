// The worker that reads a whole work off the main thread and sends it back in pieces.

import {parentPort, workerData} from 'node:worker_threads';
import {openWork} from './formats/open-work.ts';
import {chapterTransfers, packChapters} from './packed-chapters.ts';
import {blockPieces, pieceTransfers} from './packed-blocks.ts';
import {packTexts} from './packed-texts.ts';
import {parseStore} from './parse-store.ts';
import {LoadError} from './work/decode.ts';
import {storeTextsIn} from './work/text-store.ts';
import type {FromWorker, WorkerInput} from './whole-work-messages.ts';
import {foldedTransfers, foldTexts} from './work/fold-texts.ts';

/** Blocks per piece: few enough that the main thread takes each in a few milliseconds. */
const blocksPerMessage = 2000;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
	parentPort!.postMessage(message, transfer);
}

const input = workerData as WorkerInput;
try {
	const buffer = input.bytes!;
	// Held by workerData, the file's bytes would outlive their decoding.
	input.bytes = undefined;
	const {store, file} = parseStore(buffer);
	storeTextsIn(store);
	const {blocks, chapters, sections, ...parsed} = await openWork(file, input.path);
	storeTextsIn(undefined);
	store?.readFrom(undefined);
	// A fresh copy holds no slice of the decoded file, which can go once the blocks have gone.
	const rest = structuredClone(parsed);
	const outline = packChapters(chapters, sections);
	// Every piece at once: the main thread takes them one at a time between keys, and this thread
	// ends as soon as they are sent, giving back the memory the parse took.
	const texts = foldTexts(packTexts(blocks, {release: true, store}));
	send({type: 'texts', ...texts}, foldedTransfers(texts));
	for (const piece of blockPieces(blocks, blocksPerMessage)) {
		send({type: 'blocks', ...piece}, pieceTransfers(piece));
	}

	send({type: 'rest', rest, outline}, [
		rest.charsBefore.buffer as ArrayBuffer,
		rest.wordsBefore.buffer as ArrayBuffer,
		...chapterTransfers(outline),
	]);
	parentPort!.close();
} catch (error) {
	send({
		type: 'failed',
		message: error instanceof Error ? error.message : String(error),
		loadError: error instanceof LoadError,
	});
	parentPort!.close();
}
