// Print mode: writes the reflowed work (or any lines) to a stream, in chunks, and stops quietly if
// the pipe closes.

import type {Writable} from 'node:stream';
import {printLines} from './layout/print-lines.ts';
import type {Work} from './work/types.ts';

export async function printWork(
	work: Work,
	width: number,
	out: Writable,
	options: {readings?: boolean} = {},
): Promise<void> {
	await writeLines(printLines(work, width, options), out);
}

/** Each line and a newline, in chunks of about 64 kB, waiting for the stream to take each. */
export async function writeLines(lines: Iterable<string>, out: Writable): Promise<void> {
	let closed = false;
	out.on('error', () => {
		closed = true;
	});
	let chunk = '';
	for (const line of lines) {
		chunk += line + '\n';
		if (chunk.length > 65_536) {
			if (closed) return;
			// A reader that goes away (`| head`) ends the wait too, not only a drained pipe.
			if (!out.write(chunk))
				await new Promise<void>((resolve) => onceOf(out, ['drain', 'error', 'close'], resolve));
			chunk = '';
		}
	}

	if (!closed && chunk) out.write(chunk);
}

function onceOf(out: Writable, events: string[], resolve: () => void): void {
	const done = () => {
		for (const event of events) out.off(event, done);
		resolve();
	};

	for (const event of events) out.once(event, done);
}
