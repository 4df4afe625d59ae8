import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {after, test} from 'node:test';
import stringWidth from 'string-width';
import {cliPath, projectRoot} from './e2e/terminal.ts';
import {zipFolder} from './helpers/epub.ts';

const home = mkdtempSync(join(tmpdir(), 'ficterm-cli-'));
after(() => rmSync(home, {recursive: true, force: true}));

function run(...args: string[]) {
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		encoding: 'utf8',
		env: {...process.env, FICTERM_HOME: home},
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));

for (const sample of ['the-lighthouse-keepers-daughter.txt', 'a-field-guide-to-small-hours.txt']) {
	test(`--print --width 60 prints every story word of ${sample} in order, no line wider than 60`, () => {
		const path = join(projectRoot, 'works', sample);
		const {status, stdout, stderr} = run('--print', '--width', '60', path);
		assert.equal(status, 0, stderr);
		assert.equal(stderr, '');
		assert.doesNotMatch(stdout, /\u001B/);
		for (const line of stdout.split('\n')) assert.ok(stringWidth(line) <= 60, line);
		// Each paragraph of the file, re-joined, appears word for word in the output.
		const printed = words(stdout).join(' ');
		const source = readFileSync(path, 'utf8').split(/\n\s*\n/);
		let from = 0;
		for (const paragraph of source) {
			if (
				/^(Main Content|Rating:|Chapter Text|Work Text:|Notes:|Summary:|Series this work|\(See the end)/m.test(
					paragraph,
				)
			)
				continue;
			const expected = words(paragraph).join(' ');
			if (!expected) continue;
			const at = printed.indexOf(expected, from);
			assert.notEqual(at, -1, `missing or out of order: ${expected.slice(0, 60)}`);
			from = at + expected.length;
		}
	});
}

test('output that is not a terminal gets print mode without asking', () => {
	const {status, stdout} = run(join(projectRoot, 'works/a-field-guide-to-small-hours.txt'));
	assert.equal(status, 0);
	assert.match(stdout, /Inspector/);
	assert.ok(stdout.split('\n').every((line) => stringWidth(line) <= 80));
});

test('--help, -h, --version and -v', () => {
	for (const flag of ['--help', '-h']) {
		const help = run(flag);
		assert.equal(help.status, 0, help.stderr);
		assert.match(help.stdout, /Usage/);
		assert.match(help.stdout, /--print/);
	}

	for (const flag of ['--version', '-v']) {
		const version = run(flag);
		assert.equal(version.status, 0, version.stderr);
		assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
	}
});

test('a flag without its value, or without the flag it goes with, is one line and exit 2', () => {
	const sample = join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt');
	for (const [args, pattern] of [
		[['--width'], /^ficterm: --width needs a number of columns/],
		[['-w'], /^ficterm: -w needs a number of columns/],
		[['--width', '--print', sample], /^ficterm: --width needs a number of columns/],
		[['--width=', sample], /^ficterm: --width needs a number of columns/],
		[['--dir'], /^ficterm: --dir needs a folder/],
		[['--dir='], /^ficterm: --dir needs a folder/],
		[['--json', sample], /^ficterm: --json goes with --toc/],
		[['--dir', projectRoot, sample], /^ficterm: --dir lists a folder in the library/],
	] as const) {
		const {status, stdout, stderr} = run(...args);
		assert.equal(status, 2, `${args.join(' ')}: ${stderr}`);
		assert.equal(stdout, '');
		assert.match(stderr, pattern);
		assert.equal(stderr.trim().split('\n').length, 1);
	}

	// A negative width is a value, only a wrong one.
	assert.match(run('--width', '-3', sample).stderr, /--width needs a whole number/);
});

test('bad input: one line on stderr starting with ficterm:, and a non-zero status', () => {
	for (const [args, pattern] of [
		[['/no/such/file.txt'], /^ficterm: no such file: \/no\/such\/file\.txt\n$/],
		[[projectRoot], /^ficterm: .* is a folder, not a work file\n$/],
		[['--bogus', 'x.txt'], /^ficterm: unknown option --bogus/],
		[['--width', '0', 'x.txt'], /^ficterm: --width needs a whole number/],
		[
			['--width', '1e9', 'x.txt'],
			/^ficterm: --width needs a whole number of columns, from 1 to 10000\n$/,
		],
		[['a.txt', 'b.txt'], /^ficterm: one file at a time/],
	] as const) {
		const {status, stdout, stderr} = run(...args);
		assert.notEqual(status, 0, args.join(' '));
		assert.equal(stdout, '');
		assert.match(stderr, pattern);
		assert.equal(stderr.trim().split('\n').length, 1);
	}
});

test('--toc --json gives the outline', () => {
	const {status, stdout} = run(
		'--toc',
		'--json',
		join(projectRoot, 'works/the-lighthouse-keepers-daughter.txt'),
	);
	assert.equal(status, 0);
	const outline = JSON.parse(stdout);
	assert.equal(outline.format, 'ao3-text');
	assert.equal(outline.chapters.length, 3);
	assert.equal(outline.chapters[1].sections.length, 3);
	assert.match(outline.chapters[1].sections[1].opening, /^She found him in the lamp room/);
});

test('a work piped in is read from stdin: printed, or outlined with --toc', () => {
	const input = 'Chapter 1\n\nThe first line of a\npiped story.\n\n* * *\n\nA second scene.\n';
	const printed = spawnSync(process.execPath, [cliPath, '--width', '40'], {
		input,
		encoding: 'utf8',
	});
	assert.equal(printed.status, 0, printed.stderr);
	assert.match(printed.stdout, /^The first line of a piped story\.$/m);
	const outline = spawnSync(process.execPath, [cliPath, '--toc', '--json'], {
		input,
		encoding: 'utf8',
	});
	assert.equal(JSON.parse(outline.stdout).chapters[0].sections.length, 2);
	const empty = spawnSync(process.execPath, [cliPath, '-'], {input: '', encoding: 'utf8'});
	assert.equal(empty.status, 1);
	assert.equal(empty.stderr, 'ficterm: stdin is empty\n');
});

test('a reader that stops reading the pipe early (| head) ends the print quietly, with status 0', () => {
	const long = 'A sentence of some length that goes on for a while. '.repeat(400_000);
	const script = `"${process.execPath}" "${cliPath}" --print - | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}"`;
	const result = spawnSync('bash', ['-c', script], {input: long, encoding: 'utf8'});
	assert.equal(result.stderr, '');
	assert.equal(result.stdout, 'status 0\n');
});

test('an old Node is told in one line which Node ficterm needs', () => {
	// The machines here ship an older Node than the one the scripts pin; any Node before 22 will do.
	const old = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
		const version = spawnSync(path, ['--version'], {encoding: 'utf8'}).stdout ?? '';
		return /^v(1[89]|2[01])\./.test(version);
	});
	if (!old) return;
	const result = spawnSync(old, [cliPath, '--version'], {encoding: 'utf8'});
	assert.equal(result.status, 1);
	assert.equal(result.stdout, '');
	assert.match(
		result.stderr,
		/^ficterm: needs Node\.js 22 or newer; this is Node\.js \d+\.\d+\.\d+\n$/,
	);
});

const longWork = join(projectRoot, 'works', 'the-lighthouse-keepers-daughter.txt');

for (const flags of [['--toc'], ['--toc', '--json'], ['--print']]) {
	test(`${flags.join(' ')} into a pipe closed early ends quietly`, () => {
		const script = `"${process.execPath}" "${cliPath}" ${flags.join(' ')} "${longWork}" | head -c 1 > /dev/null; echo "status \${PIPESTATUS[0]}"`;
		const result = spawnSync('bash', ['-c', script], {encoding: 'utf8'});
		assert.equal(result.stderr, '');
		assert.equal(result.stdout, 'status 0\n');
	});

	test(`${flags.join(' ')} onto a full disk says so in one line, exit 1`, () => {
		const script = `"${process.execPath}" "${cliPath}" ${flags.join(' ')} "${longWork}" > /dev/full`;
		const result = spawnSync('bash', ['-c', script], {encoding: 'utf8'});
		assert.equal(result.status, 1);
		assert.equal(result.stderr, 'ficterm: cannot write the output: ENOSPC\n');
	});
}

test('devices and pipes are refused in one line, never read forever', () => {
	assert.deepEqual(run('/dev/zero'), {
		status: 1,
		stdout: '',
		stderr: 'ficterm: /dev/zero is not a regular file\n',
	});
	const fromZero = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" < /dev/zero`], {
		encoding: 'utf8',
		timeout: 10_000,
	});
	assert.equal(fromZero.status, 1);
	assert.equal(fromZero.stderr, 'ficterm: standard input is a device, not a work file\n');
	const fifo = join(mkdtempSync(join(tmpdir(), 'ficterm-fifo-')), 'pipe');
	spawnSync('mkfifo', [fifo]);
	const fromFifo = spawnSync(process.execPath, [cliPath, fifo], {
		encoding: 'utf8',
		timeout: 10_000,
	});
	rmSync(dirname(fifo), {recursive: true, force: true});
	assert.equal(fromFifo.status, 1);
	assert.equal(fromFifo.stderr, `ficterm: ${fifo} is not a regular file\n`);
});

test('with /dev/null for input and no FILE, the library is listed, as with an empty pipe or --dir', () => {
	const shell = (command: string) =>
		spawnSync('bash', ['-c', command], {
			encoding: 'utf8',
			timeout: 10_000,
			env: {...process.env, FICTERM_HOME: home},
		});
	const fromNull = shell(`"${process.execPath}" "${cliPath}" < /dev/null | cat`);
	assert.equal(fromNull.stderr, '');
	assert.equal(fromNull.status, 0);
	assert.match(fromNull.stdout, /^The Lighthouse Keeper's Daughter\t/m);
	const fromEmpty = shell(`printf '' | "${process.execPath}" "${cliPath}" | cat`);
	assert.equal(fromEmpty.stdout, fromNull.stdout);
	const withDir = shell(`"${process.execPath}" "${cliPath}" --dir "${home}" < /dev/null | cat`);
	assert.equal(withDir.stdout, fromNull.stdout);
	// Asked for stdin by name, /dev/null is an empty work.
	const named = shell(`"${process.execPath}" "${cliPath}" - < /dev/null`);
	assert.equal(named.status, 1);
	assert.equal(named.stderr, 'ficterm: stdin is empty\n');
});

test('with no work given and nothing in the library, one line says so and the status is 1', () => {
	// A copy of the program without the sample works beside it.
	const copy = mkdtempSync(join(tmpdir(), 'ficterm-bare-'));
	cpSync(dirname(cliPath), join(copy, 'dist'), {recursive: true});
	const empty = mkdtempSync(join(tmpdir(), 'ficterm-home-'));
	const result = spawnSync(process.execPath, [join(copy, 'dist', basename(cliPath))], {
		encoding: 'utf8',
		input: '',
		env: {...process.env, FICTERM_HOME: empty},
	});
	rmSync(copy, {recursive: true, force: true});
	rmSync(empty, {recursive: true, force: true});
	assert.equal(result.status, 1);
	assert.equal(result.stdout, '');
	assert.equal(
		result.stderr,
		'ficterm: no work given and the library is empty: ficterm FILE, or cat FILE | ficterm\n',
	);
});

test('ruby readings are printed after their text, or left out with --no-readings', () => {
	const path = join(tmpdir(), 'ficterm-test-harbour.epub');
	writeFileSync(path, zipFolder(join(projectRoot, 'test/fixtures/epub/harbour-anthology.epub.d')));
	const shown = run('--print', '--width', '80', path);
	assert.equal(shown.status, 0, shown.stderr);
	assert.match(shown.stdout, /漁師\(りょうし\)たちは港\(みなと\)に集まった/);
	const bare = run('--print', '--width', '80', '--no-readings', path);
	assert.equal(bare.status, 0, bare.stderr);
	assert.match(bare.stdout, /漁師たちは港に集まった/);
	assert.doesNotMatch(bare.stdout, /りょうし/);
});

test('--toc counts in words that agree with their numbers: 1 chapter, 1 word', () => {
	const outline = spawnSync(process.execPath, [cliPath, '--toc'], {
		input: 'Chapter 1\n\nAlone.\n',
		encoding: 'utf8',
	});
	assert.equal(outline.status, 0, outline.stderr);
	assert.match(outline.stdout, /^1 word · 1 chapter · text$/m);
	assert.match(outline.stdout, /^ {2}1\. Chapter 1 \(1 word\)$/m);
});

test('colour is left out for --no-color, NO_COLOR and a monochrome terminal', async () => {
	const {colorWanted} = await import('../source/run.ts');
	assert.equal(colorWanted(true, {TERM: 'xterm-256color'}), true);
	assert.equal(colorWanted(false, {TERM: 'xterm-256color'}), false);
	assert.equal(colorWanted(true, {TERM: 'xterm', NO_COLOR: '1'}), false);
	assert.equal(colorWanted(true, {TERM: 'xterm-mono'}), false);
	assert.equal(colorWanted(true, {TERM: 'vt100-m'}), false);
	assert.equal(colorWanted(true, {TERM: 'screen'}), true);
});
