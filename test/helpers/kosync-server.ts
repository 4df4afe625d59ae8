// A small kosync server on 127.0.0.1 that answers as KOReader's official one does (its routes,
// validation and error statuses), with a way to make it answer badly or not at all.

import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export type StoredProgress = {
	percentage: number;
	progress: string;
	device: string;
	device_id: unknown;
	timestamp: number;
};

export type Misbehaviour = (
	request: IncomingMessage,
) => 'hang' | {status: number; body: string} | undefined;

export type KosyncServer = {
	url: string;
	users: Map<string, string>;
	/** Keyed `user:document`, as the server's redis keys are. */
	documents: Map<string, StoredProgress>;
	requests: Array<{
		method: string;
		path: string;
		headers: IncomingMessage['headers'];
		body: unknown;
	}>;
	/** Seconds the server's clock says; tests move it to order writes. */
	now: () => number;
	misbehave?: Misbehaviour;
	close: () => Promise<void>;
};

const accept = 'application/vnd.koreader.v1+json';
const errors = {
	unauthorized: [401, 2001, 'Unauthorized'],
	exists: [402, 2002, 'Username is already registered.'],
	invalid: [403, 2003, 'Invalid request'],
	document: [403, 2004, "Field 'document' not provided."],
} as const;

const isField = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isKeyField = (value: unknown): value is string => isField(value) && !value.includes(':');

function send(response: ServerResponse, status: number, body: unknown) {
	response.writeHead(status, {'content-type': 'application/json'});
	response.end(JSON.stringify(body));
}

function fail(response: ServerResponse, which: keyof typeof errors) {
	const [status, code, message] = errors[which];
	send(response, status, {code, message});
}

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
	let text = '';
	for await (const chunk of request) text += String(chunk);
	try {
		const value: unknown = JSON.parse(text || '{}');
		return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

export async function startKosyncServer(): Promise<KosyncServer> {
	const hanging = new Set<ServerResponse>();
	const state: Omit<KosyncServer, 'url' | 'close'> = {
		users: new Map(),
		documents: new Map(),
		requests: [],
		now: () => Math.floor(Date.now() / 1000),
	};
	const authorised = (request: IncomingMessage) => {
		const user = request.headers['x-auth-user'];
		const key = request.headers['x-auth-key'];
		return isField(key) && isKeyField(user) && state.users.get(user) === key ? user : undefined;
	};

	const server = createServer(async (request, response) => {
		const body = await bodyOf(request);
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		state.requests.push({method: request.method ?? '', path, headers: request.headers, body});
		const bad = state.misbehave?.(request);
		if (bad === 'hang') {
			hanging.add(response);
			return;
		}

		if (bad) {
			response.writeHead(bad.status, {'content-type': 'application/json'});
			response.end(bad.body);
			return;
		}

		// Gin answers 412 to a request that does not ask for its versioned media type.
		if (request.headers.accept !== accept) {
			send(response, 412, {code: 412, message: 'Precondition Failed'});
			return;
		}

		const progressRoute = /^\/syncs\/progress\/([A-Za-z0-9_]+)$/.exec(path);
		if (request.method === 'POST' && path === '/users/create') {
			if (!isKeyField(body['username']) || !isField(body['password']))
				return fail(response, 'invalid');
			if (state.users.has(body['username'])) return fail(response, 'exists');
			state.users.set(body['username'], body['password']);
			return send(response, 201, {username: body['username']});
		}

		if (request.method === 'GET' && path === '/users/auth') {
			return authorised(request)
				? send(response, 200, {authorized: 'OK'})
				: fail(response, 'unauthorized');
		}

		if (request.method === 'PUT' && path === '/syncs/progress') {
			const user = authorised(request);
			if (!user) return fail(response, 'unauthorized');
			if (!isKeyField(body['document'])) return fail(response, 'document');
			const percentage = Number(body['percentage']);
			const {progress, device} = body;
			if (
				!Number.isFinite(percentage) ||
				typeof progress !== 'string' ||
				typeof device !== 'string'
			)
				return fail(response, 'invalid');
			const timestamp = state.now();
			state.documents.set(`${user}:${body['document']}`, {
				percentage,
				progress,
				device,
				device_id: body['device_id'],
				timestamp,
			});
			return send(response, 200, {document: body['document'], timestamp});
		}

		if (request.method === 'GET' && progressRoute) {
			const user = authorised(request);
			if (!user) return fail(response, 'unauthorized');
			const document = progressRoute[1]!;
			const stored = state.documents.get(`${user}:${document}`);
			return send(response, 200, stored ? {...stored, document} : {});
		}

		send(response, 404, {code: 404, message: 'Not Found'});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return Object.assign(state, {
		url: `http://127.0.0.1:${port}`,
		close: async () => {
			for (const response of hanging) response.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	});
}
