// Reads a whole work in a worker thread, so that the reader answers keys while a long work loads.

import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {openWork} from './formats/open-work.ts';
import {unpackChapters} from './packed-chapters.ts';
import {unpackPiece} from './packed-blocks.ts';
import {ownArrayBuffer} from './packed-texts.ts';
import {LoadError} from './work/decode.ts';
import type {Block, Work} from './work/types.ts';
import {WorkTexts} from './work/work-texts.ts';
import type {FromWorker, WorkerInput} from './whole-work-messages.ts';

export type WholeWorkHandlers = {
	/** Share of the blocks received so far, 0 to 1. */
	progress?: (fraction: number) => void;
	/** `texts`: where the blocks' texts are kept, for the search index to fold them into (see work-texts.ts). */
	done: (work: Work, texts?: WorkTexts) => void;
	failed: (error: unknown) => void;
};

const youngGenerationMb = 12;

/** The bundled worker sits beside the bundle; run from source (tests), there is none. */
const workerFile = new URL('./parse-worker.js', import.meta.url);

/**
 * Starts reading the work; returns a function that stops it. The bytes are handed over to the
 * worker (the caller must not use them again). Without a worker file the work is read here, after
 * the current frame.
 */
export function readWholeWork(
	bytes: Uint8Array,
	path: string,
	handlers: WholeWorkHandlers,
): () => void {
	if (!existsSync(fileURLToPath(workerFile))) {
		let stopped = false;
		const timer = setImmediate(() => {
			openWork({bytes}, path).then(
				(work) => {
					if (!stopped) handlers.done(work);
				},
				(error: unknown) => {
					if (!stopped) handlers.failed(error);
				},
			);
		});
		return () => {
			stopped = true;
			clearImmediate(timer);
		};
	}

	const buffer = ownArrayBuffer(bytes);
	const input: WorkerInput = {bytes: buffer, path};
	const worker = new Worker(workerFile, {
		workerData: input,
		transferList: [buffer],
		// The young generation the installed command asks for (--max-semi-space-size=4), for the
		// worker however ficterm is started: by default it grows to 48 MB and more, garbage the parse
		// leaves behind (node dist/cli.js, 5M-word EPUB: peak RSS 353 -> 230 MB).
		resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb},
	});
	const blocks: Block[] = [];
	let texts: WorkTexts | undefined;
	let finished = false;
	const finish = () => {
		finished = true;
		void worker.terminate();
	};

	// The worker sends every piece at once and ends; the pieces wait, compact, until it has ended
	// and given back the memory its parse took (at 5M words, 25-50 MB less at the peak than taking
	// them as they come), and are then taken one at a time, each after the keys waiting then.
	const waiting: FromWorker[] = [];
	let exited = false;
	let taking = false;
	const take = () => {
		taking = false;
		const message = waiting.shift();
		if (finished || !message) return;
		if (message.type === 'texts') {
			texts = new WorkTexts(message);
		} else if (message.type === 'blocks') {
			for (const block of unpackPiece(message, texts!)) blocks.push(block);
			handlers.progress?.(message.received / Math.max(1, message.total));
		} else if (message.type === 'rest') {
			finish();
			handlers.done({...message.rest, ...unpackChapters(message.outline), blocks}, texts);
		} else {
			finish();
			handlers.failed(
				message.loadError ? new LoadError(message.message) : new Error(message.message),
			);
		}

		if (waiting.length > 0) takeNext();
	};

	const takeNext = () => {
		if (taking || !exited) return;
		taking = true;
		setImmediate(take);
	};

	worker.on('message', (message: FromWorker) => {
		if (!finished) waiting.push(message);
	});
	worker.on('error', (error) => {
		if (finished) return;
		finish();
		handlers.failed(error);
	});
	worker.on('exit', (code) => {
		if (finished) return;
		exited = true;
		// Its last word (the rest of the work, or why it failed) came before it ended, or never.
		const last = waiting.at(-1);
		if (last && (last.type === 'rest' || last.type === 'failed')) takeNext();
		else {
			finished = true;
			handlers.failed(new Error(`the reading worker stopped (exit code ${code})`));
		}
	});
	worker.unref();
	return finish;
}
