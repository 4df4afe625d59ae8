// The worker that reads a whole work off the main thread and sends it back in pieces.

import {parentPort, workerData} from 'node:worker_threads';
import {openWork, type FileHolder} from './formats/open-work.ts';
import {chapterTransfers, packChapters} from './packed-chapters.ts';
import {blockPieces, packTexts, storesTexts} from './packed-texts.ts';
import {isZip, LoadError} from './work/decode.ts';
import {storeTextsIn, TextStore} from './work/text-store.ts';
import type {FromWorker, WorkerInput} from './whole-work-messages.ts';

/** Blocks per piece: few enough that the main thread takes each in a few milliseconds. */
const blocksPerMessage = 2000;
/**
 * What a file's block texts are expected to take as UTF-8, with a spare byte each, as a share of
 * the file: about as much as a text file, several times a zip (a 4.5 MB EPUB of 5M words holds
 * 26 MB of text), up to a bound. Only the pages written take memory; a store that needs more
 * grows, copying what it holds.
 */
const textPerFileByte = {text: 1.25, zip: 8};
const mostStoreBytes = 256 * 1024 * 1024;

/** ES2024's ArrayBuffer.prototype.transfer, which Node 22 and later have: detaching frees the memory. */
type Detachable = ArrayBuffer & {transfer(length: number): ArrayBuffer};

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
	parentPort!.postMessage(message, transfer);
}

const input = workerData as WorkerInput;
try {
	const buffer = input.bytes!;
	// Held by workerData, the file's bytes would outlive their decoding.
	input.bytes = undefined;
	const file: FileHolder = {
		bytes: new Uint8Array(buffer),
		// Freed the moment a text is decoded, not at this thread's next full collection: the parse
		// that follows no longer has them on top of it (26 MB at 5M words).
		decoded: () => (buffer as Detachable).transfer(0),
	};
	const perByte = isZip(file.bytes!) ? textPerFileByte.zip : textPerFileByte.text;
	const store = storesTexts(file.bytes!)
		? new TextStore(Math.min(mostStoreBytes, buffer.byteLength * perByte))
		: undefined;
	storeTextsIn(store);
	const {blocks, chapters, sections, ...parsed} = await openWork(file, input.path);
	storeTextsIn(undefined);
	// A fresh copy holds no slice of the decoded file, which can go once the blocks have gone.
	const rest = structuredClone(parsed);
	const outline = packChapters(chapters, sections);
	// Every piece at once: the main thread takes them one at a time between keys, and this thread
	// ends as soon as they are sent, giving back the memory the parse took.
	const texts = packTexts(blocks, {release: true, store});
	send({type: 'texts', ...texts}, [
		texts.bytes,
		texts.ends.buffer as ArrayBuffer,
		...(texts.starts ? [texts.starts.buffer as ArrayBuffer] : []),
	]);
	for (const piece of blockPieces(blocks, blocksPerMessage)) {
		send({type: 'blocks', ...piece}, [piece.blocks]);
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
