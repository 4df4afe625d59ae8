// KOReader's progress sync protocol (kosync), as KOReader's plugin speaks it and the official server
// answers: every request short, bounded in time and size, and every answer checked before use.

import {sanitiseLine} from '../work/sanitise.ts';

export const kosyncAccept = 'application/vnd.koreader.v1+json';
/** KOReader waits 2–5 s for progress and 5–10 s for logging in; a terminal reader no longer. */
export const progressTimeout = 5000;
export const loginTimeout = 10_000;
/** Answers are a few hundred bytes; anything far larger is not a kosync server's. */
const maxAnswerBytes = 64 * 1024;
/** What the server's GET route accepts as a document id (and its PUT stores as a key). */
const documentPattern = /^[A-Za-z0-9_]{1,64}$/;
const maxProgressLength = 4096;

/** Where to sync and as whom: `key` is the md5 hex of the password, which is all KOReader keeps. */
export type KosyncAccount = {url: string; user: string; key: string};

export type KosyncProgress = {
	document: string;
	progress: string;
	percentage: number;
	device: string;
	deviceId: string;
	/** Seconds since 1970, set by the server. */
	timestamp?: number;
};

/** A request that did not end well, told in one line; `status` when the server answered. */
export class KosyncError extends Error {
	constructor(
		message: string,
		readonly status?: number,
	) {
		super(message);
	}
}

type Answer = {status: number; body: Record<string, unknown>};

export function isDocumentId(id: string): boolean {
	return documentPattern.test(id);
}

/** The base URL without a trailing slash, or undefined when it is not http(s). */
export function serverUrl(url: string): string | undefined {
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
		if (parsed.username || parsed.password || parsed.search || parsed.hash) return undefined;
		return parsed.href.replace(/\/+$/, '');
	} catch {
		return undefined;
	}
}

/** Plain http to another machine sends the key in the clear; localhost is the user's own. */
export function isPlainRemote(url: string): boolean {
	const parsed = new URL(url);
	const host = parsed.hostname.replace(/^\[|\]$/g, '');
	return (
		parsed.protocol === 'http:' && !['localhost', '127.0.0.1', '::1'].includes(host.toLowerCase())
	);
}

async function readCapped(response: Response): Promise<string> {
	const declared = Number(response.headers.get('content-length'));
	if (declared > maxAnswerBytes) throw new KosyncError('the server answered too much (ignored)');
	if (!response.body) return '';
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of response.body) {
		size += chunk.byteLength;
		if (size > maxAnswerBytes) {
			await response.body.cancel().catch(() => undefined);
			throw new KosyncError('the server answered too much (ignored)');
		}

		chunks.push(chunk);
	}

	return Buffer.concat(chunks).toString('utf8');
}

function statusMessage(status: number, body: Record<string, unknown>): string {
	if (status === 401) return 'the server did not accept the user name or password';
	if (status === 412) return 'the server does not speak this version of the kosync protocol';
	if (status === 402) return 'the user name is taken, or the server does not register new users';
	const said =
		typeof body['message'] === 'string' ? sanitiseLine(body['message']).slice(0, 120) : '';
	return `the server answered ${status}${said ? `: ${said}` : ''}`;
}

async function request(
	url: string,
	method: 'GET' | 'POST' | 'PUT',
	path: string,
	options: {
		auth?: {user: string; key: string};
		body?: unknown;
		signal: AbortSignal;
		timeout: number;
	},
): Promise<Answer> {
	const headers: Record<string, string> = {accept: kosyncAccept};
	if (options.auth) {
		headers['x-auth-user'] = options.auth.user;
		headers['x-auth-key'] = options.auth.key;
	}

	if (options.body !== undefined) headers['content-type'] = 'application/json';
	const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeout)]);
	let response: Response;
	let text: string;
	try {
		response = await fetch(`${url}${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal,
			redirect: 'error',
		});
		text = await readCapped(response);
	} catch (error) {
		if (error instanceof KosyncError) throw error;
		if (options.signal.aborted) throw new KosyncError('cancelled');
		const name = (error as Error)?.name;
		throw new KosyncError(
			name === 'TimeoutError' || name === 'AbortError'
				? `no answer from ${url} in ${options.timeout / 1000} s`
				: `could not reach ${url}`,
		);
	}

	let body: unknown = {};
	if (text.trim()) {
		try {
			body = JSON.parse(text);
		} catch {
			body = undefined;
		}
	}

	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		if (response.status >= 400)
			throw new KosyncError(statusMessage(response.status, {}), response.status);
		throw new KosyncError(
			'the server gave an answer that is not a kosync one (ignored)',
			response.status,
		);
	}

	const record = body as Record<string, unknown>;
	if (response.status >= 400)
		throw new KosyncError(statusMessage(response.status, record), response.status);
	return {status: response.status, body: record};
}

/** Registers the user; false when the server already has one of that name (or registers no one). */
export async function registerUser(
	url: string,
	user: string,
	key: string,
	signal: AbortSignal,
): Promise<boolean> {
	try {
		const answer = await request(url, 'POST', '/users/create', {
			body: {username: user, password: key},
			signal,
			timeout: loginTimeout,
		});
		return answer.status === 201 || answer.status === 200;
	} catch (error) {
		if (error instanceof KosyncError && error.status === 402) return false;
		throw error;
	}
}

/** Checks the user and key with the server; throws a KosyncError when they are not accepted. */
export async function authorizeUser(account: KosyncAccount, signal: AbortSignal): Promise<void> {
	const answer = await request(account.url, 'GET', '/users/auth', {
		auth: account,
		signal,
		timeout: loginTimeout,
	});
	if (answer.body['authorized'] !== 'OK')
		throw new KosyncError('the server did not say the user is authorised');
}

/** Sends a place; returns the server's timestamp for it. */
export async function pushProgress(
	account: KosyncAccount,
	progress: Omit<KosyncProgress, 'timestamp'>,
	signal: AbortSignal,
): Promise<number | undefined> {
	if (!isDocumentId(progress.document)) throw new KosyncError('not a document id kosync accepts');
	const answer = await request(account.url, 'PUT', '/syncs/progress', {
		auth: account,
		body: {
			document: progress.document,
			progress: progress.progress,
			percentage: progress.percentage,
			device: progress.device,
			device_id: progress.deviceId,
		},
		signal,
		timeout: progressTimeout,
	});
	const {timestamp} = answer.body;
	return typeof timestamp === 'number' && Number.isFinite(timestamp) ? timestamp : undefined;
}

/** What the server answered for a document, checked; `problem` says why an answer was set aside. */
export type Pulled = {progress?: KosyncProgress; problem?: string};

/** The last place saved for `document`; none for an unknown one (the server answers `{}`). */
export async function pullProgress(
	account: KosyncAccount,
	document: string,
	signal: AbortSignal,
): Promise<Pulled> {
	if (!isDocumentId(document)) throw new KosyncError('not a document id kosync accepts');
	const answer = await request(account.url, 'GET', `/syncs/progress/${document}`, {
		auth: account,
		signal,
		timeout: progressTimeout,
	});
	return checkedProgress(document, answer.body);
}

/** The fields of an answer as ficterm can use them, or why it was set aside. */
export function checkedProgress(document: string, body: Record<string, unknown>): Pulled {
	if (Object.keys(body).length === 0 || body['percentage'] === undefined) return {};
	const {progress, percentage, device, device_id: deviceId, timestamp} = body;
	if (
		typeof progress !== 'string' ||
		progress.length > maxProgressLength ||
		typeof percentage !== 'number' ||
		!Number.isFinite(percentage) ||
		percentage < 0 ||
		percentage > 1 ||
		(timestamp !== undefined &&
			(typeof timestamp !== 'number' || !(timestamp >= 0 && timestamp < 1e11)))
	)
		return {problem: 'the kosync server sent a place of the wrong shape (ignored)'};
	const name = typeof device === 'string' ? device : '';
	// A name that would move the cursor or retitle the terminal is not a name.
	if (/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(name))
		return {problem: 'the kosync server sent a device name with control characters (ignored)'};
	const safeName = sanitiseLine(name).slice(0, 64);
	return {
		progress: {
			document,
			progress,
			percentage,
			device: safeName || 'another device',
			deviceId: typeof deviceId === 'string' ? deviceId.slice(0, 64) : '',
			timestamp: timestamp as number | undefined,
		},
	};
}
