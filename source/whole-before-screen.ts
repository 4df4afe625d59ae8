// A large work whose start cannot be shown on its own (its first documents hold too few words to
// name it) is read whole in the worker before the first screen: one line says so, Ctrl+C and q end
// the program at once, and other keys typed meanwhile are handed on to the reader in order.

import {basename} from 'node:path';
import {readWholeWork} from './whole-work.ts';
import {sanitiseLine} from './work/sanitise.ts';
import type {Work} from './work/types.ts';
import type {WorkTexts} from './work/work-texts.ts';

/** How reading ended before the first screen: the work, or the key that ended the program. */
export type BeforeScreen = {work: Work; texts?: WorkTexts} | {quit: 'quit' | 'stop'};

const ctrlC = 0x03;
const clearLine = '\r\u001B[2K';

export function readBeforeScreen(
	bytes: Uint8Array,
	path: string,
	terminal: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream} = process,
): Promise<BeforeScreen> {
	const {stdin, stdout} = terminal;
	const name = sanitiseLine(basename(path));
	stdout.write(`Reading ${name}… (q quits)`);
	const typed: Buffer[] = [];
	return new Promise((resolve, reject) => {
		let stopReading = () => {};
		const end = (result: BeforeScreen | {error: unknown}) => {
			stdin.off('data', onKey);
			stdin.pause();
			// Keys typed while the work was read are the reader's, in the order they came.
			if (typed.length > 0 && 'work' in result) stdin.unshift(Buffer.concat(typed));
			stdout.write(clearLine);
			if ('error' in result) reject(result.error);
			else resolve(result);
		};

		const onKey = (chunk: Buffer | string) => {
			const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			if (data.includes(ctrlC) || (data.length === 1 && data[0] === 0x71)) {
				stopReading();
				end({quit: data.includes(ctrlC) ? 'stop' : 'quit'});
				return;
			}

			typed.push(data);
		};

		stdin.on('data', onKey);
		stdin.resume();
		stopReading = readWholeWork(bytes, path, {
			done: (work, texts) => end({work, texts}),
			failed: (error) => end({error}),
		});
	});
}
