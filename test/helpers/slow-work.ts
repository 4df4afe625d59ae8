// A work that takes seconds to parse, and the CPU time a process has used: for tests of signals.

import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/** Short paragraphs, `count` of them: 400,000 take seconds of parsing on one thread. */
export function writeSlowWork(folder: string, count = 400_000): string {
	const path = join(folder, 'slow.html');
	writeFileSync(path, `<html><body>${'<p>word '.repeat(count)}</body></html>`);
	return path;
}

/** CPU seconds a process has used, from /proc. */
export function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}
