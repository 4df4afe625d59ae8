// `ficterm sync login URL USER`, `sync status`, `sync logout`: the kosync login, asked for on the
// terminal (or read from standard input) and kept in ficterm's folder.

import {createHash} from 'node:crypto';
import {join} from 'node:path';
import {createInterface} from 'node:readline/promises';
import envPaths from 'env-paths';
import {readAccount, readStatus, removeAccount, saveAccount} from './sync/kosync-account.ts';
import {
	authorizeUser,
	isPlainRemote,
	KosyncError,
	registerUser,
	serverUrl,
} from './sync/kosync-client.ts';
import {readQueue} from './sync/kosync-queue.ts';
import {UsageError} from './usage-error.ts';
import {LoadError} from './work/decode.ts';
import {sanitiseLine} from './work/sanitise.ts';

export type SyncOptions = {passwordStdin: boolean; allowHttp: boolean};

/** ficterm's folder, as the store finds it. */
export function fictermFolder(): string {
	return process.env['FICTERM_HOME'] || envPaths('ficterm', {suffix: ''}).config;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
	let text = '';
	for await (const chunk of stream) {
		text += String(chunk);
		if (text.length > 4096) throw new UsageError('the password on standard input is too long');
	}

	return text;
}

/** Reads a line on the terminal without showing it; Ctrl+C gives up. */
function askHidden(prompt: string): Promise<string> {
	const {stdin, stderr} = process;
	stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	return new Promise((resolve, reject) => {
		let typed = '';
		const finish = (error?: Error) => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			stderr.write('\n');
			if (error) reject(error);
			else resolve(typed);
		};

		const onData = (data: string) => {
			for (const character of data) {
				if (character === '\r' || character === '\n') return finish();
				if (character === '\u0003') return finish(new LoadError('cancelled'));
				if (character === '\u007F' || character === '\b') typed = typed.slice(0, -1);
				else if (character >= ' ') typed += character;
			}
		};

		stdin.on('data', onData);
	});
}

async function confirm(question: string): Promise<boolean> {
	const lines = createInterface({input: process.stdin, output: process.stderr});
	try {
		return /^y(es)?$/i.test((await lines.question(question)).trim());
	} finally {
		lines.close();
	}
}

async function password(options: SyncOptions): Promise<string> {
	if (options.passwordStdin) return (await readAll(process.stdin)).replace(/\r?\n$/, '');
	if (!process.stdin.isTTY)
		throw new UsageError('no terminal to ask the password on: pipe it in with --password-stdin');
	return askHidden('Password: ');
}

async function login(args: string[], options: SyncOptions): Promise<number> {
	const [address, user] = args;
	if (args.length !== 2 || !address || !user)
		throw new UsageError('sync login needs a server and a user: ficterm sync login URL USER');
	const url = serverUrl(address);
	if (!url) throw new UsageError(`not a server address: ${address} (use http:// or https://)`);
	if (user.includes(':') || sanitiseLine(user) !== user)
		throw new UsageError('a kosync user name has no colon, control characters or outer spaces');
	const folder = fictermFolder();
	// Asked once: logging in again to the same server does not ask again.
	if (isPlainRemote(url) && !options.allowHttp && readAccount(folder)?.url !== url) {
		if (!process.stdin.isTTY || options.passwordStdin)
			throw new UsageError(
				`${url} is plain http to another machine: add --allow-http to send your key over it`,
			);
		const sure = await confirm(
			`${url} is plain http: anyone on the network can read your key. Use it anyway? [y/N] `,
		);
		if (!sure) return 1;
	}

	const secret = await password(options);
	if (!secret) throw new UsageError('an empty password: nothing to log in with');
	const key = createHash('md5').update(secret).digest('hex');
	const account = {url, user, key};
	const signal = AbortSignal.timeout(30_000);
	const created = await registerUser(url, user, key, signal);
	if (!created) await authorizeUser(account, signal);
	saveAccount(folder, account);
	process.stdout.write(
		`${created ? 'Registered and logged in' : 'Logged in'} to ${url} as ${user}; the key is kept in ${join(folder, 'kosync.json')}\n`,
	);
	return 0;
}

function status(): number {
	const folder = fictermFolder();
	const account = readAccount(folder);
	if (!account) {
		process.stdout.write('Not logged in to a kosync server (ficterm sync login URL USER).\n');
		return 0;
	}

	const {lastSuccess, lastFailure} = readStatus(folder);
	const lines = [
		`server: ${account.url}`,
		`user: ${sanitiseLine(account.user)}`,
		`last success: ${lastSuccess ?? 'none yet'}`,
		`last failure: ${lastFailure ? `${lastFailure.at} (${lastFailure.message})` : 'none'}`,
		`queued places: ${readQueue(folder).length}`,
	];
	process.stdout.write(lines.join('\n') + '\n');
	return 0;
}

function logout(): number {
	const folder = fictermFolder();
	const account = readAccount(folder);
	removeAccount(folder);
	process.stdout.write(
		account ? `Logged out of ${account.url}.\n` : 'Not logged in to a kosync server.\n',
	);
	return 0;
}

/** Runs `ficterm sync …`; returns the exit status. */
export async function runSync(args: string[], options: SyncOptions): Promise<number> {
	const [command, ...rest] = args;
	try {
		if (command === 'login') return await login(rest, options);
		if (options.passwordStdin || options.allowHttp)
			throw new UsageError('--password-stdin and --allow-http go with sync login');
		if ((command === 'status' || command === 'logout') && rest.length > 0)
			throw new UsageError(`sync ${command} takes nothing more`);
		if (command === 'status') return status();
		if (command === 'logout') return logout();
	} catch (error) {
		if (error instanceof KosyncError) throw new LoadError(`kosync: ${error.message}`);
		throw error;
	}

	throw new UsageError('sync takes login URL USER, status or logout');
}
