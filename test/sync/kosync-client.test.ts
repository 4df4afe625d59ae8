import assert from 'node:assert/strict';
import {createHash, randomBytes} from 'node:crypto';
import {after, before, describe, test} from 'node:test';
import {
	authorizeUser,
	isPlainRemote,
	KosyncError,
	pullProgress,
	pushProgress,
	registerUser,
	serverUrl,
	type KosyncAccount,
} from '../../source/sync/kosync-client.ts';
import {startKosyncServer, type KosyncServer} from '../helpers/kosync-server.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const signal = () => AbortSignal.timeout(20_000);
const realServer = process.env['FICTERM_KOSYNC_URL'];

/** The protocol as the official server answers it, against the in-test server and a real one. */
function protocolSuite(label: string, target: string | undefined, skip: string | false) {
	describe(`the kosync protocol against ${label}`, {skip}, () => {
		let server: KosyncServer | undefined;
		let url = '';
		const user = `ficterm_${randomBytes(6).toString('hex')}`;
		const account = (): KosyncAccount => ({url, user, key: md5('secret')});
		before(async () => {
			if (target) url = serverUrl(target)!;
			else {
				server = await startKosyncServer();
				url = server.url;
			}
		});
		after(() => server?.close());
		test('a new user is registered, then told apart from an existing one', async () => {
			assert.equal(await registerUser(url, user, md5('secret'), signal()), true);
			assert.equal(await registerUser(url, user, md5('secret'), signal()), false);
		});

		test('the right key is authorised; a wrong one is a 401', async () => {
			await authorizeUser(account(), signal());
			await assert.rejects(authorizeUser({...account(), key: md5('wrong')}, signal()), (error) => {
				assert.ok(error instanceof KosyncError);
				assert.equal(error.status, 401);
				return true;
			});
		});

		test('an unknown document is no place; a pushed one comes back; the last write wins', async () => {
			const document = md5(`ficterm:${user}`);
			assert.deepEqual(await pullProgress(account(), document, signal()), {});
			const place = {document, percentage: 0.25, device: 'laptop', deviceId: 'a'.repeat(32)};
			const first = await pushProgress(account(), {...place, progress: 'first'}, signal());
			assert.equal(typeof first, 'number');
			await pushProgress(account(), {...place, progress: 'second', percentage: 0.5}, signal());
			const {progress} = await pullProgress(account(), document, signal());
			assert.equal(progress?.progress, 'second');
			assert.equal(progress?.percentage, 0.5);
			assert.equal(progress?.device, 'laptop');
			assert.equal(progress?.deviceId, 'a'.repeat(32));
		});

		test('a document id outside [A-Za-z0-9_] is refused before it is sent', async () => {
			await assert.rejects(pullProgress(account(), '../users', signal()), KosyncError);
			await assert.rejects(
				pushProgress(
					account(),
					{document: 'a:b', progress: '', percentage: 0, device: 'x', deviceId: ''},
					signal(),
				),
				KosyncError,
			);
		});
	});
}

protocolSuite('the in-test server', undefined, false);
protocolSuite(
	realServer ?? 'a real server',
	realServer,
	realServer ? false : 'set FICTERM_KOSYNC_URL to a kosync server to run these against it',
);

describe('the in-test server keeps to the official one', () => {
	let server: KosyncServer;
	before(async () => {
		server = await startKosyncServer();
	});
	after(() => server.close());

	test('without the Accept header it answers 412; the client always sends it', async () => {
		const bare = await fetch(`${server.url}/users/auth`);
		assert.equal(bare.status, 412);
		await registerUser(server.url, 'reader', md5('pw'), signal());
		const last = server.requests.at(-1)!;
		assert.equal(last.headers.accept, 'application/vnd.koreader.v1+json');
		assert.deepEqual(last.body, {username: 'reader', password: md5('pw')});
	});

	test('progress requests carry x-auth-user and x-auth-key', async () => {
		const account = {url: server.url, user: 'reader', key: md5('pw')};
		await pullProgress(account, 'abc', signal());
		const last = server.requests.at(-1)!;
		assert.equal(last.path, '/syncs/progress/abc');
		assert.equal(last.headers['x-auth-user'], 'reader');
		assert.equal(last.headers['x-auth-key'], md5('pw'));
	});
});

describe('answers the client does not trust', () => {
	let server: KosyncServer;
	const account = () => ({url: server.url, user: 'reader', key: md5('pw')});
	before(async () => {
		server = await startKosyncServer();
		server.users.set('reader', md5('pw'));
	});
	after(() => server.close());

	const answering = (status: number, body: string) => {
		server.misbehave = () => ({status, body});
	};

	test('wrong types are set aside with a reason', async () => {
		answering(200, JSON.stringify({percentage: '0.5', progress: 7, device: 'x', timestamp: 1}));
		const pulled = await pullProgress(account(), 'abc', signal());
		assert.equal(pulled.progress, undefined);
		assert.match(pulled.problem ?? '', /wrong shape/);
	});

	test('a percentage outside 0..1 is set aside', async () => {
		answering(200, JSON.stringify({percentage: 7, progress: 'x', device: 'x'}));
		assert.match((await pullProgress(account(), 'abc', signal())).problem ?? '', /wrong shape/);
	});

	test('escape sequences in a device name: the place is set aside, never printed', async () => {
		answering(
			200,
			JSON.stringify({
				percentage: 0.5,
				progress: 'x',
				device: 'Kobo\u001B]0;owned\u0007',
				timestamp: 1,
			}),
		);
		const pulled = await pullProgress(account(), 'abc', signal());
		assert.equal(pulled.progress, undefined);
		assert.match(pulled.problem ?? '', /device name/);
	});

	test('a huge answer is cut off and refused', async () => {
		answering(200, JSON.stringify({percentage: 0.5, progress: 'x'.repeat(1_000_000), device: 'x'}));
		await assert.rejects(pullProgress(account(), 'abc', signal()), /too much/);
	});

	test('an answer that is not JSON, or not an object, is refused', async () => {
		answering(200, '<html>captive portal</html>');
		await assert.rejects(pullProgress(account(), 'abc', signal()), /not a kosync one/);
		answering(200, '[1,2]');
		await assert.rejects(pullProgress(account(), 'abc', signal()), /not a kosync one/);
	});

	test('a server message is made one safe line', async () => {
		answering(503, JSON.stringify({message: 'down\u001B[2J for maintenance'}));
		await assert.rejects(pullProgress(account(), 'abc', signal()), (error: Error) => {
			assert.equal(error.message, 'the server answered 503: down for maintenance');
			return true;
		});
	});

	test('a server that never answers fails within the time-out, and the caller can cancel sooner', async () => {
		server.misbehave = () => 'hang';
		const started = Date.now();
		await assert.rejects(pullProgress(account(), 'abc', signal()), /no answer from .* in 5 s/);
		assert.ok(Date.now() - started < 8000);
		const controller = new AbortController();
		const pending = pullProgress(account(), 'abc', controller.signal);
		controller.abort();
		await assert.rejects(pending, /cancelled/);
		server.misbehave = undefined;
	});
});

test('server addresses: http(s) only, and plain http is remote unless it is this machine', () => {
	assert.equal(serverUrl('https://sync.koreader.rocks/'), 'https://sync.koreader.rocks');
	assert.equal(serverUrl('ftp://example.org'), undefined);
	assert.equal(serverUrl('not a url'), undefined);
	assert.equal(isPlainRemote('http://192.168.1.5:7200'), true);
	assert.equal(isPlainRemote('https://192.168.1.5:7200'), false);
	for (const local of ['http://localhost:7200', 'http://127.0.0.1', 'http://[::1]:8080'])
		assert.equal(isPlainRemote(local), false, local);
});
