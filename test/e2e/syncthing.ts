// Two real Syncthing instances on 127.0.0.1 sharing one folder, for end-to-end tests of syncing
// through a synced folder: separate homes, free ports, no discovery, relays or reporting.

import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const folderId = 'ficterm-e2e';

/** The Syncthing command, if installed. */
export function syncthingCommand(): string | undefined {
	try {
		execFileSync('syncthing', ['--version'], {stdio: 'ignore'});
		return 'syncthing';
	} catch {
		return undefined;
	}
}

/** A port nothing listens on now (the kernel's choice), for an instance to take. */
async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				resolve(typeof address === 'object' && address ? address.port : 0);
			});
		});
	});
}

type Instance = {
	name: string;
	home: string;
	/** The shared folder as this instance keeps it. */
	folder: string;
	id: string;
	listen: number;
	gui: number;
	apiKey: string;
	log: string;
	process?: ChildProcess;
};

function configXml(self: Instance, peer: Instance): string {
	return `<configuration version="36">
    <folder id="${folderId}" label="ficterm" path="${self.folder}" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="false" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="${self.id}" introducedBy=""></device>
        <device id="${peer.id}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <markerName>.stfolder</markerName>
    </folder>
    <device id="${self.id}" name="${self.name}" compression="metadata" introducer="false">
        <address>dynamic</address>
    </device>
    <device id="${peer.id}" name="${peer.name}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:${peer.listen}</address>
    </device>
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:${self.gui}</address>
        <apikey>${self.apiKey}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${self.listen}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <startBrowser>false</startBrowser>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
`;
}

export class SyncthingPair {
	readonly root: string;
	readonly instances: [Instance, Instance];

	private constructor(root: string, instances: [Instance, Instance]) {
		this.root = root;
		this.instances = instances;
	}

	/** Makes two instances (keys, config) and starts them; `stop` ends them whatever happened. */
	static async start(command: string): Promise<SyncthingPair> {
		const root = mkdtempSync(join(tmpdir(), 'ficterm-syncthing-'));
		const made: Instance[] = [];
		for (const name of ['one', 'two']) {
			const home = join(root, `${name}-home`);
			const folder = join(root, `${name}-folder`);
			mkdirSync(join(folder, '.stfolder'), {recursive: true});
			execFileSync(command, ['generate', `--home=${home}`, '--no-default-folder'], {
				stdio: 'ignore',
			});
			const id = execFileSync(command, ['serve', `--home=${home}`, '--device-id'], {
				encoding: 'utf8',
			}).trim();
			made.push({
				name,
				home,
				folder,
				id,
				listen: await freePort(),
				gui: await freePort(),
				apiKey: randomBytes(16).toString('hex'),
				log: join(root, `${name}.log`),
			});
		}

		const pair = new SyncthingPair(root, [made[0]!, made[1]!]);
		const [one, two] = pair.instances;
		writeFileSync(join(one.home, 'config.xml'), configXml(one, two));
		writeFileSync(join(two.home, 'config.xml'), configXml(two, one));
		for (const instance of pair.instances) {
			const log = openSync(instance.log, 'w');
			instance.process = spawn(
				command,
				['serve', `--home=${instance.home}`, '--no-browser', '--no-restart', '--no-upgrade'],
				{
					stdio: ['ignore', log, log],
					env: {...process.env, STNORESTART: '1', STNOUPGRADE: '1', STNODEFAULTFOLDER: '1'},
				},
			);
			closeSync(log);
		}

		return pair;
	}

	async #rest(instance: Instance, method: string, path: string): Promise<unknown> {
		const response = await fetch(`http://127.0.0.1:${instance.gui}${path}`, {
			method,
			headers: {'X-API-Key': instance.apiKey},
			signal: AbortSignal.timeout(2000),
		});
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
		const text = await response.text();
		return text ? (JSON.parse(text) as unknown) : undefined;
	}

	/** Waits (polling, bounded) until the two instances are connected to each other. */
	async connected(timeoutMs: number): Promise<void> {
		const [one, two] = this.instances;
		await this.#until(timeoutMs, 'the two Syncthing instances to connect', async () => {
			const answer = (await this.#rest(one, 'GET', '/rest/system/connections')) as {
				connections: Record<string, {connected: boolean}>;
			};
			return answer.connections[two.id]?.connected === true;
		});
	}

	/** Asks an instance to look at its folder now (no watcher: the test says when). */
	async scan(instance: Instance): Promise<void> {
		await this.#rest(instance, 'POST', `/rest/db/scan?folder=${folderId}`);
	}

	async #until(timeoutMs: number, what: string, check: () => Promise<boolean>): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last: unknown;
		for (;;) {
			try {
				if (await check()) return;
			} catch (error) {
				// Not listening yet, most often; told if it never comes.
				last = error;
			}

			if (Date.now() > deadline) {
				const logs = this.instances
					.map(
						(instance) => `${instance.name}:\n${readFileSync(instance.log, 'utf8').slice(-2000)}`,
					)
					.join('\n');
				throw new Error(`not within ${timeoutMs} ms: ${what} (${String(last)})\n${logs}`);
			}

			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** Ends both instances (SIGTERM, then SIGKILL), and removes their homes and folders. */
	async stop(): Promise<void> {
		await Promise.all(
			this.instances.map(async ({process: child}) => {
				if (!child || child.exitCode !== null || child.signalCode !== null) return;
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
				await exited;
				clearTimeout(timer);
			}),
		);
		rmSync(this.root, {recursive: true, force: true});
	}
}
