import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {cliPath} from '../e2e/terminal.ts';
import {startKosyncServer, type KosyncServer} from '../helpers/kosync-server.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

type Result = {status: number | null; stdout: string; stderr: string};

/** Runs the built CLI without blocking this process, which serves the in-test server. */
function ficterm(home: string, args: string[], input = ''): Promise<Result> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [cliPath, ...args], {
			env: {...process.env, FICTERM_HOME: home},
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (data) => (stdout += String(data)));
		child.stderr.on('data', (data) => (stderr += String(data)));
		child.on('close', (status) => resolve({status, stdout, stderr}));
		child.stdin.end(input);
	});
}

function loginSuite(label: string, target: () => string, skip: string | false) {
	describe(`sync login, status and logout through the CLI, against ${label}`, {skip}, () => {
		const home = mkdtempSync(join(tmpdir(), 'ficterm-sync-cli-'));
		const user = `ficterm_${randomBytes(6).toString('hex')}`;
		after(() => rmSync(home, {recursive: true, force: true}));

		test('a first login registers the user and keeps only the md5 key, readable by the user alone', async () => {
			const result = await ficterm(
				home,
				['sync', 'login', target(), user, '--password-stdin'],
				'hunter2\n',
			);
			assert.equal(result.status, 0, result.stderr);
			assert.match(result.stdout, /^Registered and logged in to /);
			const file = join(home, 'kosync.json');
			assert.equal(statSync(file).mode & 0o777, 0o600);
			const saved = JSON.parse(readFileSync(file, 'utf8'));
			assert.equal(saved.key, md5('hunter2'));
			assert.equal(saved.user, user);
			assert.doesNotMatch(readFileSync(file, 'utf8'), /hunter2/);
		});

		test('logging in again finds the user (402) and checks the key; a wrong one is refused', async () => {
			const again = await ficterm(
				home,
				['sync', 'login', target(), user, '--password-stdin'],
				'hunter2',
			);
			assert.equal(again.status, 0, again.stderr);
			assert.match(again.stdout, /^Logged in to /);
			const wrong = await ficterm(
				home,
				['sync', 'login', target(), user, '--password-stdin'],
				'nope\n',
			);
			assert.equal(wrong.status, 1);
			assert.equal(
				wrong.stderr,
				'ficterm: kosync: the server did not accept the user name or password\n',
			);
			// The good login is kept.
			assert.equal(JSON.parse(readFileSync(join(home, 'kosync.json'), 'utf8')).key, md5('hunter2'));
		});

		test('status tells the server, the user and the queue; logout forgets them', async () => {
			const status = await ficterm(home, ['sync', 'status']);
			assert.equal(status.status, 0);
			assert.match(
				status.stdout,
				new RegExp(`^server: ${target().replace(/\/$/, '')}\nuser: ${user}\n`),
			);
			assert.match(status.stdout, /queued places: 0\n$/);
			const logout = await ficterm(home, ['sync', 'logout']);
			assert.match(logout.stdout, /^Logged out of /);
			assert.equal(existsSync(join(home, 'kosync.json')), false);
			assert.match((await ficterm(home, ['sync', 'status'])).stdout, /^Not logged in/);
		});
	});
}

let server: KosyncServer | undefined;
before(async () => {
	server = await startKosyncServer();
});
after(() => server?.close());

loginSuite('the in-test server', () => server!.url, false);
const realServer = process.env['FICTERM_KOSYNC_URL'];
loginSuite(
	realServer ?? 'a real server',
	() => realServer!,
	realServer ? false : 'set FICTERM_KOSYNC_URL to a kosync server to run these against it',
);

test('mistakes in the sync command line are one line and exit 2, before any request', async () => {
	const home = mkdtempSync(join(tmpdir(), 'ficterm-sync-cli-'));
	const cases: Array<[string[], RegExp]> = [
		[['sync'], /sync takes login URL USER, status or logout/],
		[['sync', 'login', 'https://example.org'], /needs a server and a user/],
		[['sync', 'login', 'ftp://example.org', 'me'], /not a server address/],
		[['sync', 'status', 'extra'], /takes nothing more/],
		[['--password-stdin', 'story.txt'], /go with sync login/],
		// Plain http to another machine, with no terminal to ask on: refused unless --allow-http.
		[['sync', 'login', 'http://192.0.2.1:7200', 'me', '--password-stdin'], /add --allow-http/],
		// No terminal to ask the password on.
		[['sync', 'login', 'https://192.0.2.1', 'me'], /--password-stdin/],
	];
	for (const [args, message] of cases) {
		const result = await ficterm(home, args);
		assert.equal(result.status, 2, args.join(' '));
		assert.match(result.stderr, /^ficterm: .*\n$/);
		assert.match(result.stderr, message);
	}

	rmSync(home, {recursive: true, force: true});
});
