// The worker that reads a whole work off the main thread and sends it back a piece at a time.

import {parentPort, workerData} from 'node:worker_threads';
import {workFromFile} from './formats/open-work.ts';
import {packTexts} from './packed-texts.ts';
import {LoadError} from './work/decode.ts';
import type {Block} from './work/types.ts';
import type {FromWorker, ToWorker, WorkerInput} from './whole-work-messages.ts';

/** Blocks per message: small enough that the main thread takes each in a few milliseconds. */
const blocksPerMessage = 2000;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
	parentPort!.postMessage(message, transfer);
}

const input = workerData as WorkerInput;
try {
	const file = {bytes: new Uint8Array(input.bytes!)};
	// Held by workerData, the file's bytes would outlive their decoding.
	input.bytes = undefined;
	const {blocks, ...parsed} = workFromFile(file, input.path);
	const texts = packTexts(blocks);
	for (const block of blocks) block.text = '';
	// A fresh copy holds no slice of the decoded file, which can now go.
	const rest = structuredClone(parsed);
	send({type: 'texts', texts}, [texts.bytes, texts.ends.buffer as ArrayBuffer]);
	let next = 0;
	const sendBlocks = () => {
		const piece: Block[] = blocks.slice(next, next + blocksPerMessage);
		// Sent blocks are the main thread's now: the worker lets go of them.
		blocks.fill(undefined as never, next, next + piece.length);
		next += piece.length;
		send({type: 'blocks', blocks: piece, received: next, total: blocks.length});
	};

	// One piece at a time, each when the main thread has taken the last: its keys come first.
	parentPort!.on('message', (message: ToWorker) => {
		if (message.type !== 'more') return;
		if (next < blocks.length) sendBlocks();
		else {
			send({type: 'rest', rest}, [
				rest.charsBefore.buffer as ArrayBuffer,
				rest.wordsBefore.buffer as ArrayBuffer,
			]);
			parentPort!.close();
		}
	});
	sendBlocks();
} catch (error) {
	send({
		type: 'failed',
		message: error instanceof Error ? error.message : String(error),
		loadError: error instanceof LoadError,
	});
	parentPort!.close();
}
