// The probe's terminal sessions: each input opened in the reader in tmux, its first screen, its
// contents and its end timed, its peak memory read, and the raw bytes it wrote to the terminal
// (tmux pipe-pane) searched for any escape sequence that ficterm's own drawing does not use.

import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {Terminal} from '../test/e2e/terminal.ts';
import {writeHostileInputs} from './probe-inputs.ts';

export type Session = {
	name: string;
	/** Seconds to the first screen (a status line), to the end of the work after `G`, or NaN. */
	firstScreen: number;
	whole: number;
	/** Peak resident memory of the reader, in MB. */
	mb: number;
	/** Escape sequences and controls in the raw output that are not ficterm's own drawing. */
	foreign: string[];
	/** Whether the raw output was captured from before ficterm's first byte. */
	captured: boolean;
	error?: string;
};

/**
 * What Ink draws with: SGR, cursor moves, erasing, and private modes (alternate screen, cursor,
 * synchronized output, mouse wheel). Anything else (OSC, DCS, APC, PM, SOS, other CSI, a lone
 * ESC, C1 controls, BEL, bidi overrides) did not come from ficterm's drawing.
 */
const own = /^\u001B\[(?:[\d;]*[mABCDEFGHJK]|\?[\d;]+[hl])$/;
const escapeOrControl =
	/\u001B(?:\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]|[\]PX^_][^\u0007\u001B]*(?:\u0007|\u001B\\)?|.?)|[\u0007\u0080-\u009F\u202A-\u202E\u2066-\u2069]/gsu;

export function foreignSequences(raw: string): string[] {
	const found: string[] = [];
	for (const [sequence] of raw.matchAll(escapeOrControl)) {
		if (!own.test(sequence)) found.push(JSON.stringify(sequence).slice(0, 40));
	}

	return found;
}

function peakMb(pid: number | undefined): number {
	if (!pid) return NaN;
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
	} catch {
		return NaN;
	}
}

const ended = /exited \d+/;

/** Opens `path` in the reader, looks at its contents and its end, quits; never throws. */
export async function readerSession(path: string, folder: string): Promise<Session> {
	const name = path.split('/').pop()!;
	const raw = join(folder, `${Math.random().toString(36).slice(2)}.raw`);
	const terminal = new Terminal(join(folder, `home-${Math.random().toString(36).slice(2)}`));
	const session: Session = {
		name,
		firstScreen: NaN,
		whole: NaN,
		mb: NaN,
		foreign: [],
		captured: false,
	};
	const started = Date.now();
	try {
		terminal.start([path], {columns: 80, rows: 24});
		execFileSync('tmux', [
			'-L',
			terminal.socket,
			'-f',
			'/dev/null',
			'pipe-pane',
			'-t',
			'0',
			`cat > '${raw}'`,
		]);
		const first = await terminal.waitFor(
			// A status line (the last row) is drawn with the first screen, a preview's too.
			(screen) => /\S/.test(screen.at(-1) ?? '') || ended.test(screen.join('\n')),
			'the first screen',
			30_000,
			{settled: false},
		);
		session.firstScreen = (Date.now() - started) / 1000;
		if (!ended.test(first.join('\n'))) {
			const pid = terminal.readerPid();
			terminal.press('t');
			await terminal.waitFor(
				(screen) => /%\s*$/.test(screen.at(-1) ?? '') && !/Reading the whole/.test(screen.join('')),
				'the whole work and its contents',
				30_000,
			);
			terminal.press('Escape', 'G');
			await terminal.waitFor((screen) => /100%\s*$/.test(screen.at(-1) ?? ''), 'the end', 30_000);
			session.whole = (Date.now() - started) / 1000;
			session.mb = peakMb(pid);
			terminal.press('q');
			await terminal.waitForText(ended, 10_000);
		}
	} catch (error) {
		session.error = (error as Error).message.split('\n')[0];
	} finally {
		await terminal.close();
	}

	try {
		const output = readFileSync(raw, 'utf8');
		// ficterm's first write switches to the alternate screen (or, for a refused file, is its error;
		// for a large work without a preview, the line saying it is being read).
		session.captured = /^(?:before ficterm\r?\n)?(?:\u001B\[\?1049h|ficterm: |Reading )/.test(
			output,
		);
		session.foreign = foreignSequences(output);
	} catch {
		session.captured = false;
	}

	return session;
}

/** Inputs opened in the reader: the large ones, and those that carry escape sequences. */
export const sessionInputs =
	/^(headings|fff-paragraphs|list-items|spine|unclosed-li|divs|planted|\u001B)|\.mobi$/;

/** Runs a session for each input that is large or carries escape sequences; adds its rows. */
export async function terminalSessions(
	folder: string,
	limit: {seconds: number; mb: number},
	rows: {push: (row: [string, string]) => void},
): Promise<{foreign: number}> {
	let foreign = 0;
	const inputs = writeHostileInputs(folder).filter((path) =>
		sessionInputs.test(path.split('/').pop() ?? ''),
	);
	let good = 0;
	let captured = 0;
	let worstFirst = 0;
	let worstWhole = 0;
	let worstMb = 0;
	for (const input of inputs) {
		const session = await readerSession(input, folder);
		foreign += session.foreign.length;
		if (session.captured) captured++;
		worstFirst = Math.max(worstFirst, session.firstScreen || 0);
		worstWhole = Math.max(worstWhole, session.whole || 0);
		worstMb = Math.max(worstMb, session.mb || 0);
		const within =
			!session.error &&
			session.firstScreen <= limit.seconds &&
			!(session.whole > 2 * limit.seconds) &&
			!(session.mb > limit.mb);
		if (within) good++;
		rows.push([
			`  ${JSON.stringify(session.name).slice(1, 30)}`,
			`first screen ${session.firstScreen.toFixed(2)} s, end ${session.whole.toFixed(2)} s, ${Math.round(session.mb)} MB${session.error ? `, ${session.error.slice(0, 80)}` : ''}`,
		]);
		for (const sequence of session.foreign.slice(0, 3)) rows.push(['    foreign', sequence]);
	}

	rows.push(['reader sessions within limits', `${good}/${inputs.length}`]);
	rows.push([
		'worst first screen / end / peak RSS',
		`${worstFirst.toFixed(2)} s / ${worstWhole.toFixed(2)} s / ${Math.round(worstMb)} MB`,
	]);
	rows.push(['sessions captured from the first byte', `${captured}/${inputs.length}`]);
	return {foreign};
}
