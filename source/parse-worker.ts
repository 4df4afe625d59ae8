// The worker that reads a whole work off the main thread and sends it back a piece at a time.

import {parentPort, workerData} from 'node:worker_threads';
import {openWork} from './formats/open-work.ts';
import {blockPieces} from './packed-texts.ts';
import {LoadError} from './work/decode.ts';
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
	const {blocks, ...parsed} = await openWork(file, input.path);
	// A fresh copy holds no slice of the decoded file, which can go once the blocks have gone.
	const rest = structuredClone(parsed);
	const pieces = blockPieces(blocks, blocksPerMessage);
	const sendPiece = (): boolean => {
		const piece = pieces.next();
		if (piece.done) return false;
		const {texts} = piece.value;
		send({type: 'blocks', ...piece.value}, [texts.bytes, texts.ends.buffer as ArrayBuffer]);
		return true;
	};

	const sendNext = () => {
		if (sendPiece()) return;
		send({type: 'rest', rest}, [
			rest.charsBefore.buffer as ArrayBuffer,
			rest.wordsBefore.buffer as ArrayBuffer,
		]);
		parentPort!.close();
	};

	// One piece at a time, each when the main thread has taken the last: its keys come first.
	parentPort!.on('message', (message: ToWorker) => {
		if (message.type === 'more') sendNext();
	});
	sendNext();
} catch (error) {
	send({
		type: 'failed',
		message: error instanceof Error ? error.message : String(error),
		loadError: error instanceof LoadError,
	});
	parentPort!.close();
}
