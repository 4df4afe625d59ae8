// The command line: reads the flags and hands them to run.ts; every error ends as one line.

// First: its settings apply to heaps made after it runs.
import './heap-settings.ts';
import meow from 'meow';
import {checkFlagCompanions, checkFlagValues} from './command-line-checks.ts';
import {UsageError} from './usage-error.ts';
import {LoadError} from './work/decode.ts';
import {sanitiseLine} from './work/sanitise.ts';
import {StoreError} from './store/store-error.ts';

const cli = meow(
	`
	Usage
	  $ ficterm [FILE]
	  $ cat FILE | ficterm
	  $ ficterm sync login URL USER | sync status | sync logout

	Reads a work: AO3 and FanFicFare downloads, EPUB, MOBI, AZW3, FB2, PDF, HTML, Markdown
	or plain text.
	With no FILE, shows your library: works read before and the sample works.

	Options
	  --print, -p     Print the reflowed text and exit (the default when output is not a terminal)
	  --width, -w N   Text width for --print (default: the terminal's, or 80)
	  --toc           Print the chapters and scenes and exit
	  --json          With --toc: print the outline as JSON
	  --from-start    Open at the beginning without losing the saved place
	  --forget        Forget the saved place and bookmarks of FILE
	  --no-color      No colours (NO_COLOR is honoured too)
	  --no-mouse      Do not scroll with the mouse wheel
	  --no-readings   Leave out ruby readings (furigana) instead of showing them after their text
	  --dir FOLDER    With no FILE: also list the works in FOLDER
	  --sync-dir DIR  Share your place through DIR, a folder Syncthing or Dropbox copies (remembered)
	  --no-sync       Stop sharing places through the sync folder (forgets it)
	  --password-stdin  With sync login: read the password from standard input
	  --allow-http    With sync login: accept plain http to another machine without asking
	  --help, -h      Show this help
	  --version, -v   Show the version

	Keys while reading: press ? for the full list.
	  j k ↓ ↑ line · Space b page · g G start/end · ] [ scene · } { chapter · / search · t contents · q quit

	State is kept in the folder given by FICTERM_HOME, or in your user config folder.
`,
	{
		importMeta: import.meta,
		flags: {
			print: {type: 'boolean', shortFlag: 'p'},
			width: {type: 'number', shortFlag: 'w'},
			toc: {type: 'boolean'},
			json: {type: 'boolean'},
			fromStart: {type: 'boolean'},
			forget: {type: 'boolean'},
			color: {type: 'boolean', default: true},
			mouse: {type: 'boolean', default: true},
			readings: {type: 'boolean', default: true},
			dir: {type: 'string'},
			syncDir: {type: 'string'},
			sync: {type: 'boolean', default: true},
			passwordStdin: {type: 'boolean'},
			allowHttp: {type: 'boolean'},
			help: {type: 'boolean', shortFlag: 'h'},
			version: {type: 'boolean', shortFlag: 'v'},
		},
		// Shown here rather than by meow, which knows only the long names.
		autoHelp: false,
		autoVersion: false,
		// The help says what ficterm reads in its own words; the package's description would repeat it.
		description: false,
		allowUnknownFlags: true,
		inferType: false,
	},
);

const knownFlags = new Set([
	'print',
	'p',
	'width',
	'w',
	'toc',
	'json',
	'fromStart',
	'forget',
	'color',
	'mouse',
	'readings',
	'dir',
	'syncDir',
	'sync',
	'passwordStdin',
	'allowHttp',
	'help',
	'h',
	'version',
	'v',
]);

/** Wider than any terminal; a width of a billion would print a gigabyte of centring spaces. */
const maxPrintWidth = 10_000;

async function main(): Promise<number> {
	const {passwordStdin = false, allowHttp = false} = cli.flags;
	// What the command does is loaded only once it is known: --version and --help load nothing more.
	if (cli.input[0] === 'sync' && !cli.flags.help) {
		const {runSync} = await import('./sync-command.ts');
		return runSync(cli.input.slice(1), {passwordStdin, allowHttp});
	}

	if (passwordStdin || allowHttp)
		throw new UsageError('--password-stdin and --allow-http go with sync login');
	if (cli.input.length > 1)
		throw new UsageError(`one file at a time, please (got ${cli.input.length})`);
	const {flags} = cli;
	if (flags.help) cli.showHelp(0);
	if (flags.version) cli.showVersion();
	const unknown = Object.keys(flags).filter((name) => !knownFlags.has(name));
	if (unknown.length > 0) {
		const name = unknown[0]!.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
		throw new UsageError(
			`unknown option ${name.length === 1 ? '-' : '--'}${name} (see ficterm --help)`,
		);
	}

	checkFlagValues(process.argv.slice(2));
	checkFlagCompanions({
		toc: Boolean(flags.toc),
		json: Boolean(flags.json),
		dir: flags.dir,
		file: cli.input[0],
	});
	if (
		flags.width !== undefined &&
		(!Number.isInteger(flags.width) || flags.width < 1 || flags.width > maxPrintWidth)
	) {
		throw new UsageError(`--width needs a whole number of columns, from 1 to ${maxPrintWidth}`);
	}

	const {run} = await import('./run.ts');
	return run({
		path: cli.input[0],
		print: Boolean(flags.print),
		width: flags.width,
		toc: Boolean(flags.toc),
		json: Boolean(flags.json),
		fromStart: Boolean(flags.fromStart),
		forget: Boolean(flags.forget),
		color: flags.color,
		mouse: flags.mouse,
		readings: flags.readings,
		dir: flags.dir,
		syncDir: flags.syncDir,
		noSync: !flags.sync,
	});
}

try {
	process.exitCode = await main();
} catch (error) {
	let message =
		error instanceof LoadError || error instanceof UsageError || error instanceof StoreError
			? error.message
			: `unexpected error: ${(error as Error)?.message ?? String(error)}`;
	// A work that cannot be read is named, unless the message names it already.
	const file = cli.input[0] === 'sync' || cli.input[0] === '-' ? undefined : cli.input[0];
	if (error instanceof LoadError && file && !message.includes(file))
		message = `${file}: ${message}`;
	// Messages can quote a work file's own contents (an EPUB's paths): they are made safe first.
	process.stderr.write(`ficterm: ${sanitiseLine(message)}\n`);
	process.exitCode = error instanceof UsageError ? 2 : 1;
}
