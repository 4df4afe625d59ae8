// Print mode: writes the reflowed work to a stream, in chunks, and stops quietly if the pipe closes.

import type {Writable} from 'node:stream';
import {printLines} from './layout/print-lines.ts';
import type {Work} from './work/types.ts';

export async function printWork(work: Work, width: number, out: Writable): Promise<void> {
	let closed = false;
	out.on('error', () => {
		closed = true;
	});
	let chunk = '';
	for (const line of printLines(work, width)) {
		chunk += line + '\n';
		if (chunk.length > 65_536) {
			if (closed) return;
			if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
			chunk = '';
		}
	}

	if (!closed && chunk) out.write(chunk);
}
