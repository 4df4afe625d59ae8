// Drives a real terminal (tmux) for end-to-end tests: start a command, type keys, read the screen.

import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const projectRoot = new URL('../../', import.meta.url).pathname;
/** The installed command's entry, as `ficterm` runs it. */
export const cliPath = join(projectRoot, 'dist/bin.js');

let sessions = 0;

function quote(value: string): string {
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

export type TerminalOptions = {
	columns: number;
	rows: number;
	env?: Record<string, string>;
	stdin?: string;
	/** A file that the reader's standard error goes to. */
	stderr?: string;
	/** The folder the command starts in. */
	cwd?: string;
};

/** Whether a process still runs: an exited one may linger as a zombie until something reaps it. */
function running(pid: number): boolean {
	try {
		return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return false;
	}
}

export class Terminal {
	readonly socket = `ficterm-test-${process.pid}-${sessions++}`;
	readonly home: string;

	constructor(home?: string) {
		this.home = home ?? mkdtempSync(join(tmpdir(), 'ficterm-home-'));
	}

	#tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {
			encoding: 'utf8',
		});
	}

	/** Runs ficterm with these arguments in a shell that reports how it ended and stays open. */
	start(args: string[], {columns, rows, env = {}, stdin, stderr, cwd}: TerminalOptions): void {
		const variables = {FICTERM_HOME: this.home, TERM: 'xterm-256color', ...env};
		const exports = Object.entries(variables)
			.map(([name, value]) => `${name}=${quote(value)}`)
			.join(' ');
		const redirect = (stdin ? ` < ${quote(stdin)}` : '') + (stderr ? ` 2> ${quote(stderr)}` : '');
		const command =
			[quote(process.execPath), quote(cliPath), ...args.map(quote)].join(' ') + redirect;
		const script = `printf 'before ficterm\\n'; ${exports} ${command}; status=$?; printf 'exited %s\\n' "$status"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; printf '\\n'; exec sleep 600`;
		const where = cwd ? ['-c', cwd] : [];
		this.#tmux(
			'new-session',
			'-d',
			...where,
			'-x',
			String(columns),
			'-y',
			String(rows),
			'sh',
			'-c',
			script,
		);
		this.#tmux('set-option', '-g', 'status', 'off');
	}

	/** Sends keys by tmux name ("Space", "PageDown", "Escape") or literally with `literal`. */
	press(...keys: string[]): void {
		this.#tmux('send-keys', '-t', '0', ...keys);
	}

	type(text: string): void {
		this.#tmux('send-keys', '-t', '0', '-l', text);
	}

	screen(): string[] {
		return this.#tmux('capture-pane', '-p', '-t', '0').replace(/\n$/, '').split('\n');
	}

	text(): string {
		return this.screen().join('\n');
	}

	info(format: string): string {
		return this.#tmux('display-message', '-p', '-t', '0', format).trim();
	}

	resize(columns: number, rows: number): void {
		this.#tmux('resize-window', '-t', '0', '-x', String(columns), '-y', String(rows));
	}

	/** The pid of the ficterm process running in the pane, if it still runs. */
	readerPid(): number | undefined {
		try {
			const shell = this.info('#{pane_pid}');
			const children = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8')
				.trim()
				.split(/\s+/);
			// meow renames the process "ficterm", so its command line no longer names cli.js.
			return children
				.map(Number)
				.find((pid) =>
					/ficterm|bin\.js|cli\.js/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')),
				);
		} catch {
			return undefined;
		}
	}

	/**
	 * Waits until the screen passes `check` and has settled: the same on two captures in a row, so
	 * that a frame caught half drawn is never taken for the result (unless `settled` is false).
	 */
	async waitFor(
		check: (screen: string[]) => boolean,
		what: string,
		timeoutMs = 15_000,
		{settled = true} = {},
	): Promise<string[]> {
		const deadline = Date.now() + timeoutMs;
		let screen = this.screen();
		for (;;) {
			// A passing message may be gone before the screen settles (a long work's loading status
			// changes under it): then the one capture that showed it is the proof.
			if (check(screen) && !settled) return screen;
			if (check(screen)) {
				await new Promise((resolve) => setTimeout(resolve, 25));
				const again = this.screen();
				if (again.join('\n') === screen.join('\n')) return screen;
				screen = again;
				continue;
			}

			if (Date.now() > deadline) {
				throw new Error(`timed out waiting for ${what}; the screen shows:\n${screen.join('\n')}`);
			}

			await new Promise((resolve) => setTimeout(resolve, 20));
			screen = this.screen();
		}
	}

	async waitForText(pattern: RegExp | string, timeoutMs?: number): Promise<string[]> {
		const matches = (screen: string[]) =>
			typeof pattern === 'string'
				? screen.join('\n').includes(pattern)
				: pattern.test(screen.join('\n'));
		return this.waitFor(matches, String(pattern), timeoutMs);
	}

	/** Ends the terminal at once, as a closed window does. */
	killServer(): void {
		try {
			this.#tmux('kill-server');
		} catch {
			// Already gone.
		}
	}

	/** Ends the terminal; the reader saves on the hang-up, so its folder is removed only after it exits. */
	async close(removeHome = true): Promise<void> {
		const pid = this.readerPid();
		try {
			this.#tmux('kill-server');
		} catch {
			// Already gone.
		}

		const deadline = Date.now() + 5000;
		while (pid && running(pid) && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}

		if (removeHome) rmSync(this.home, {recursive: true, force: true, maxRetries: 5});
	}
}
