// Runs the real CLI in a pseudo-terminal (util-linux `script`) and renders its output with
// @xterm/headless, to time what a person would see: first screen, keys, resizes.

import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {readFileSync, readlinkSync} from 'node:fs';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

export type Timing = {at: number};

export type KeysWhileLoading = {worstMs: number; freezeMs: number; keys: number};

export class PtySession {
	readonly terminal: InstanceType<typeof Terminal>;
	readonly child: ChildProcess;
	readonly started = performance.now();
	lastOutput = 0;
	/** When each piece of output arrived. */
	readonly outputs: number[] = [];
	#pending: Promise<void> = Promise.resolve();

	constructor(command: string[], columns: number, rows: number, env: Record<string, string>) {
		this.terminal = new Terminal({cols: columns, rows, allowProposedApi: true});
		const shell = `stty rows ${rows} cols ${columns}; exec ${command.map((part) => `'${part.replaceAll("'", `'\\''`)}'`).join(' ')}`;
		this.child = spawn('script', ['-qfec', shell, '/dev/null'], {
			env: {...process.env, ...env, TERM: 'xterm-256color'},
			stdio: ['pipe', 'pipe', 'inherit'],
		});
		this.child.stdout!.on('data', (chunk: Buffer) => {
			this.lastOutput = performance.now();
			this.outputs.push(this.lastOutput);
			this.#pending = this.#pending.then(
				() => new Promise((resolve) => this.terminal.write(chunk, resolve)),
			);
		});
	}

	row(index: number): string {
		return this.terminal.buffer.active.getLine(index)?.translateToString(true) ?? '';
	}

	rows(): string[] {
		return Array.from({length: this.terminal.rows}, (_, index) => this.row(index));
	}

	/** Resolves when the screen passes `check`, with the time of the output that made it so. */
	async until(check: (rows: string[]) => boolean, timeoutMs = 30_000): Promise<number> {
		const deadline = performance.now() + timeoutMs;
		for (;;) {
			await this.#pending;
			if (check(this.rows())) return this.lastOutput;
			if (performance.now() > deadline)
				throw new Error(`timed out; screen:\n${this.rows().join('\n')}`);
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
	}

	/** Waits until no output has come for `quietMs`, and returns the time of the last output. */
	async settle(quietMs = 40): Promise<number> {
		for (;;) {
			const last = this.lastOutput;
			await new Promise((resolve) => setTimeout(resolve, quietMs));
			if (this.lastOutput === last) {
				await this.#pending;
				return this.lastOutput;
			}
		}
	}

	/** Sends keys and returns the milliseconds until the screen settled after them. */
	async key(bytes: string): Promise<number> {
		await this.settle();
		const sent = performance.now();
		this.child.stdin!.write(bytes);
		// A key whose answer takes longer than the quiet spell (a search in a long work) is waited
		// for, up to a second: a key that changes nothing must not take a later status change for its answer.
		const deadline = sent + 1000;
		while (this.lastOutput <= sent && performance.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 1));
		const settled = await this.settle();
		return settled > sent ? settled - sent : Number.NaN;
	}

	/**
	 * Presses `key` every `everyMs` for `forMs`, as a reader does from the first screen on, and
	 * returns the worst wait for a key's first answer on screen and the longest time the screen
	 * did not answer while a key waited.
	 */
	async keysEvery(key: string, everyMs: number, forMs: number): Promise<KeysWhileLoading> {
		const sent: number[] = [];
		const start = performance.now();
		for (let at = 0; at < forMs; at += everyMs) {
			const due = start + at;
			while (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, 1));
			sent.push(performance.now());
			this.child.stdin!.write(key);
		}

		await this.settle(200);
		const answers = this.outputs.filter((time) => time >= start);
		const latencies = sent.map((time) => {
			const answer = answers.find((output) => output > time);
			return (answer ?? this.lastOutput) - time;
		});
		let freeze = 0;
		let previous = start;
		for (const output of answers) {
			if (sent.some((time) => time >= previous && time < output))
				freeze = Math.max(freeze, output - previous);
			previous = output;
		}

		return {worstMs: Math.max(0, ...latencies), freezeMs: freeze, keys: sent.length};
	}

	/** The pid of the program that `script` runs. */
	programPid(): number {
		const children = readFileSync(
			`/proc/${this.child.pid}/task/${this.child.pid}/children`,
			'utf8',
		).trim();
		return Number(children.split(/\s+/)[0]);
	}

	/** Resizes the pseudo-terminal; the kernel sends the program SIGWINCH. Returns ms to the settled screen. */
	async resize(columns: number, rows: number): Promise<number> {
		await this.settle();
		const tty = readlinkSync(`/proc/${this.programPid()}/fd/0`);
		this.terminal.resize(columns, rows);
		const sent = performance.now();
		spawnSync('stty', ['-F', tty, 'rows', String(rows), 'cols', String(columns)]);
		const settled = await this.settle();
		return settled - sent;
	}

	peakRssBytes(): number {
		const status = readFileSync(`/proc/${this.programPid()}/status`, 'utf8');
		return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
	}

	async close(): Promise<void> {
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.stdin!.write('q');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(timer);
		this.terminal.dispose();
	}
}
