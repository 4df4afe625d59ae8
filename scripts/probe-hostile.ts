// The reliability probe of issue #16, `npm run probe` (not part of `npm test`): hostile inputs
// through --print and --toc under time and memory limits, store faults, kill/close trials and
// concurrent quits in tmux, and escape bytes counted in all output. Prints a table of counts.

import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, projectRoot, Terminal} from '../test/e2e/terminal.ts';
import {writeHostileInputs, writeLongWork} from './probe-inputs.ts';
import {terminalSessions} from './probe-screens.ts';

const limitSeconds = 5;
const allCommands = [['--print', '--width', '72'], ['--toc'], ['--toc', '--json']];
/** PROBE_COMMANDS=toc runs only --toc, for a quicker pass. */
const commands = allCommands.filter((args) =>
	(process.env['PROBE_COMMANDS'] ?? 'print,toc,json')
		.split(',')
		.some((name) =>
			name === 'json'
				? args.includes('--json')
				: name === 'toc'
					? args.join(' ') === '--toc'
					: args[0] === `--${name}`,
		),
);
const limitMb = 400;
const trials = Number(process.env['PROBE_TRIALS'] ?? 30);
const pairs = Number(process.env['PROBE_PAIRS'] ?? 20);
const escapes = /[\u0007\u001B\u009B\u009D]/g;
const work = mkdtempSync(join(tmpdir(), 'ficterm-probe-'));
const sample = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');
const sections = (process.env['PROBE_SECTIONS'] ?? 'inputs,screens,faults,kill,pairs').split(',');
/** Each row is printed as soon as it is known, so that a long run shows its progress. */
const rows = {
	push([name, value]: [string, string]) {
		console.log(`${name.padEnd(38)}  ${value}`);
	},
};
let escapeBytes = 0;
let foreignSequences = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the CLI under /usr/bin/time: exit status, output, seconds and peak RSS in MB. */
function timed(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cliPath, ...args], {
		encoding: 'utf8',
		env: {...process.env, FICTERM_HOME: join(work, 'home'), ...env},
		timeout: 60_000,
		maxBuffer: 1024 * 1024 * 1024,
	});
	const lines = result.stderr.trimEnd().split('\n');
	const [seconds, kb] = (lines.pop() ?? '').split(' ').map(Number);
	const stderr = lines.filter((line) => !/^Command (exited|terminated)/.test(line)).join('\n');
	escapeBytes += (result.stdout.match(escapes)?.length ?? 0) + (stderr.match(escapes)?.length ?? 0);
	return {
		status: result.status,
		stdout: result.stdout,
		stderr,
		seconds: seconds ?? NaN,
		mb: (kb ?? 0) / 1024,
	};
}

function hostileInputs() {
	const folder = join(work, 'inputs');
	mkdirSync(folder);
	const inputs = writeHostileInputs(folder);
	let runs = 0;
	let good = 0;
	let worstSeconds = 0;
	let worstMb = 0;
	const bad: string[] = [];
	for (const input of inputs) {
		for (const args of commands) {
			const run = timed([...args, input]);
			runs++;
			worstSeconds = Math.max(worstSeconds, run.seconds);
			worstMb = Math.max(worstMb, run.mb);
			const clear =
				(run.status === 0 || (run.status === 1 && run.stderr.split('\n').length === 1)) &&
				!/unexpected error|\n\s+at /.test(run.stderr);
			if (clear && run.seconds <= limitSeconds && run.mb <= limitMb) good++;
			else
				bad.push(
					`${input.split('/').pop()} ${args.join(' ')}: ${run.status} ${run.seconds}s ${Math.round(run.mb)}MB ${run.stderr.slice(0, 100)}`,
				);
		}
	}

	rows.push(['hostile inputs', String(inputs.length)]);
	rows.push(['print/toc runs within limits', `${good}/${runs}`]);
	rows.push(['worst time / peak RSS', `${worstSeconds.toFixed(2)} s / ${Math.round(worstMb)} MB`]);
	for (const line of bad) rows.push(['  over', line]);
}

/** Each way the store can break, made in a fresh home. */
const faults: Array<[string, (home: string) => Record<string, string>]> = [
	['FICTERM_HOME a file', (home) => (writeFileSync(home, ''), {})],
	['state.json a folder', (home) => (mkdirSync(join(home, 'state.json'), {recursive: true}), {})],
	[
		'lock path a folder',
		(home) => (mkdirSync(join(home, 'state.json.lock'), {recursive: true}), {}),
	],
	[
		'lock held (fresh)',
		(home) => (mkdirSync(home), writeFileSync(join(home, 'state.json.lock'), ''), {}),
	],
	[
		'corrupt state.json',
		(home) => (mkdirSync(home), writeFileSync(join(home, 'state.json'), '{"work x": '), {}),
	],
	[
		'wrong-shape entries',
		(home) => (
			mkdirSync(home),
			writeFileSync(
				join(home, 'state.json'),
				JSON.stringify({'work a': 3, 'work b': {anchor: 'x'}, settings: [1]}),
			),
			{}
		),
	],
	[
		'anchor block 1e12',
		(home) => (
			mkdirSync(home),
			writeFileSync(
				join(home, 'state.json'),
				JSON.stringify({
					'work sha256:x': {
						id: 'x',
						anchor: {block: 1e12, offset: 1e12, snippet: '', opening: '', chapter: 0},
					},
				}),
			),
			{}
		),
	],
];

async function storeFaults() {
	let cases = 0;
	let good = 0;
	for (const [name, make] of faults) {
		for (const command of ['--forget', 'library', 'reader']) {
			const home = join(work, `fault-${cases++}`);
			make(home);
			let ok: boolean;
			if (command === 'reader') {
				const terminal = new Terminal(join(work, `t-${cases}`));
				try {
					terminal.start([sample], {columns: 100, rows: 20, env: {FICTERM_HOME: home}});
					await terminal.waitForText('%', 10_000);
					terminal.press('}');
					await sleep(700);
					terminal.press('q');
					const end = await terminal.waitForText('exited', 10_000);
					ok = /exited 0/.test(end.join('\n')) && !/unexpected error/.test(end.join('\n'));
				} catch {
					ok = false;
				} finally {
					await terminal.close();
				}
			} else {
				const run = timed(command === 'library' ? [] : ['--forget', sample], {FICTERM_HOME: home});
				ok =
					(run.status === 0 || run.status === 1) && !/unexpected error|\n\s+at /.test(run.stderr);
			}

			if (ok) good++;
			else rows.push(['  fault failed', `${name} / ${command}`]);
		}
	}

	rows.push(['store faults handled', `${good}/${cases}`]);
}

/** Alive, and not a zombie: a closed terminal's shell dies too, and who reaps its child is slow. */
function running(pid: number): boolean {
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
	} catch {
		return false;
	}
}

/** Signals and closed terminals at random moments while a long work loads and is read. */
async function killTrials() {
	const long = join(work, 'long.txt');
	writeLongWork(long);
	let quick = 0;
	let intact = 0;
	let worst = 0;
	for (let trial = 0; trial < trials; trial++) {
		const terminal = new Terminal(join(work, `kill-${trial}`));
		terminal.start([long], {columns: 80, rows: 24});
		let pid: number | undefined;
		while (!(pid = terminal.readerPid())) await sleep(10);
		const delay = Math.round(Math.random() * 2500);
		await sleep(delay);
		const how = ['SIGINT', 'SIGTERM', 'SIGHUP', 'close'][trial % 4]!;
		const sent = Date.now();
		if (how === 'close') terminal.killServer();
		else process.kill(pid, how);
		while (running(pid) && Date.now() - sent < 5000) await sleep(5);
		const took = Date.now() - sent;
		worst = Math.max(worst, took);
		if (took <= 1000) quick++;
		else rows.push(['  slow', `${how} ${delay} ms after the start: ended after ${took} ms`]);
		await terminal.close(false);
		try {
			const state = readFileSync(join(terminal.home, 'state.json'), 'utf8');
			JSON.parse(state);
			intact++;
		} catch (error) {
			// Nothing saved yet (killed before the first screen) is intact too.
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') intact++;
		}

		rmSync(terminal.home, {recursive: true, force: true});
	}

	rows.push(['kill/close trials ended within 1 s', `${quick}/${trials} (worst ${worst} ms)`]);
	rows.push(['saved state intact after them', `${intact}/${trials}`]);
}

/** Two readers of two works on one store quit at the same moment: both places are kept. */
async function concurrentQuits() {
	let kept = 0;
	const other = join(projectRoot, 'works/a-field-guide-to-small-hours.txt');
	for (let pair = 0; pair < pairs; pair++) {
		const home = join(work, `pair-${pair}`);
		const terminals = [new Terminal(home), new Terminal(home)];
		terminals[0]!.start([sample], {columns: 80, rows: 20});
		terminals[1]!.start([other], {columns: 80, rows: 20});
		for (const terminal of terminals) await terminal.waitForText('%', 10_000);
		for (const terminal of terminals) terminal.press('}', ' ');
		await sleep(100);
		for (const terminal of terminals) terminal.press('q');
		for (const terminal of terminals) await terminal.waitForText('exited', 10_000);
		const state = JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')) as Record<
			string,
			{path?: string}
		>;
		const paths = Object.values(state).map((entry) => entry.path);
		if (paths.includes(sample) && paths.includes(other)) kept++;
		for (const terminal of terminals) await terminal.close(false);
		rmSync(home, {recursive: true, force: true});
	}

	rows.push(['concurrent quits keeping both places', `${kept * 2}/${pairs * 2}`]);
}

try {
	if (sections.includes('inputs')) hostileInputs();
	if (sections.includes('screens')) {
		const folder = join(work, 'sessions');
		mkdirSync(folder);
		const summary = await terminalSessions(folder, {seconds: limitSeconds, mb: limitMb}, rows);
		foreignSequences = summary.foreign;
	}

	if (sections.includes('faults')) await storeFaults();
	if (sections.includes('kill')) await killTrials();
	if (sections.includes('pairs')) await concurrentQuits();
	rows.push(['escape bytes in all print/toc output', String(escapeBytes)]);
	if (sections.includes('screens'))
		rows.push(['foreign sequences in terminal sessions', String(foreignSequences)]);
} finally {
	rmSync(work, {recursive: true, force: true});
}
