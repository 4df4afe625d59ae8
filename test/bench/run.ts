// `npm run bench`: parse throughput, first screen, key latency, resize and memory on generated
// works of 5k to 5M words, measured on the real CLI in a pseudo-terminal. A benchmark, not a test.

import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openWorkBytes, workFromBytes} from '../../source/formats/open-work.ts';
import {extensions} from '../helpers/writers.ts';
import {generatedFile} from './generate.ts';
import {PtySession} from './pty-session.ts';

const root = new URL('../../', import.meta.url).pathname;
/** BENCH_CLI measures another build (a copy of dist/ from before a change) in the same conditions. */
const cli = process.env['BENCH_CLI'] ?? join(root, 'dist/bin.js');
/** The Node flags the installed command runs with, from its first line, so the bench measures the same. */
const nodeFlags = (
	readFileSync(cli, 'utf8')
		.split('\n')[0]!
		.match(/ node (.*)$/)?.[1] ?? ''
)
	.split(' ')
	.filter(Boolean);
const results = join(root, 'bench-results');
const sizes = (process.env['BENCH_SIZES'] ?? '5000,100000,1000000,5000000').split(',').map(Number);
const formats = (process.env['BENCH_FORMATS'] ?? 'ao3-text,epub').split(',') as BenchFormat[];
const columns = 100;
const rows = 40;

type Stats = {median: number; p95: number; runs: number};

type BenchFormat = 'ao3-text' | 'text' | 'epub' | 'azw3' | 'pdf';

function stats(samples: number[]): Stats {
	const sorted = samples.filter((sample) => Number.isFinite(sample)).sort((a, b) => a - b);
	const at = (share: number) =>
		sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
	return {median: at(0.5), p95: at(0.95), runs: sorted.length};
}

function time<T>(action: () => T): [T, number] {
	const start = performance.now();
	const result = action();
	return [result, performance.now() - start];
}

async function repeat(times: number, action: () => Promise<number>): Promise<number[]> {
	const samples: number[] = [];
	for (let index = 0; index < times; index++) samples.push(await action());
	return samples;
}

function sttyMs(): number {
	const samples = Array.from({length: 5}, () => time(() => spawnSync('stty', ['--version']))[1]);
	return stats(samples).median;
}

type Row = Record<string, number | string | Stats>;

const firstScreenShown = (screen: string[]) =>
	/(\d+%|reading…)\s*$/.test(screen.at(-1)!) && screen[0]!.trim() !== '';

/** The same 3 s of keys in `less` on the same text file, for comparison. */
async function lessWhileLoading(path: string): Promise<Row> {
	const session = new PtySession(['less', path], columns, rows, {LESS: ''});
	const first = await session.until((screen) => screen[0]!.trim() !== '');
	const loading = await session.keysEvery('j', 50, 3000);
	const rss = session.peakRssBytes();
	await session.close();
	return {
		firstScreenMs: first - session.started,
		'loading worst': loading.worstMs,
		'loading freeze': loading.freezeMs,
		peakRssMB: rss / 1e6,
	};
}

async function measure(format: BenchFormat, words: number, sttyOverhead: number): Promise<Row> {
	const path = join(results, 'works', `${format}-${words}.${extensions[format] ?? format}`);
	if (!existsSync(path)) writeFileSync(path, generatedFile(format, words).bytes);
	const bytes = new Uint8Array(Buffer.from(spawnSync('cat', [path], {maxBuffer: 1 << 30}).stdout));
	const parseRuns = words >= 1_000_000 ? 2 : 5;
	const parseTimes: number[] = [];
	let work;
	for (let run = 0; run < parseRuns; run++) {
		const start = performance.now();
		// A PDF is read asynchronously, by pdf.js.
		work = format === 'pdf' ? await openWorkBytes(bytes, path) : workFromBytes(bytes, path);
		parseTimes.push(performance.now() - start);
	}

	const parseMs = stats(parseTimes).median;
	const storyWords = work!.wordsBefore[work!.blocks.length]!;
	work = undefined;
	// Collect the parsed copies now, so that no pause in this process delays reading the child's output.
	(globalThis as {gc?: () => void}).gc?.();
	const home = mkdtempSync(join(tmpdir(), 'ficterm-bench-'));
	const start = () =>
		new PtySession([process.execPath, ...nodeFlags, cli, path], columns, rows, {
			FICTERM_HOME: home,
		});
	// The first complete screen: text and status bar. A large work shows its opening while the rest
	// is read ("reading…"), so the time until the whole work is in ("41%") is measured too. Each is
	// the median of three starts; the third session then takes the keys.
	const firstScreens: number[] = [];
	const wholeWorks: number[] = [];
	let session!: PtySession;
	for (let run = 0; run < 3; run++) {
		if (session) await session.close();
		// Start afresh each time: no saved place, so every start is a first opening.
		rmSync(join(home, 'state.json'), {force: true});
		session = start();
		const first = await session.until(firstScreenShown);
		firstScreens.push(first - session.started);
		wholeWorks.push(
			(await session.until((screen) => /\d+%\s*$/.test(screen.at(-1)!))) - session.started,
		);
	}

	await session.close();
	// A reader presses keys as soon as text appears: j every 50 ms for 3 s from the first screen.
	// The median of three such starts, as the targets are: one start's worst key moves by tens of
	// milliseconds with what else the machine does then.
	const loadingWorst: number[] = [];
	const loadingFreeze: number[] = [];
	for (let run = 0; run < 3; run++) {
		rmSync(join(home, 'state.json'), {force: true});
		session = start();
		await session.until(firstScreenShown);
		const loading = await session.keysEvery('j', 50, 3000);
		loadingWorst.push(loading.worstMs);
		loadingFreeze.push(loading.freezeMs);
		await session.close();
	}

	rmSync(join(home, 'state.json'), {force: true});
	session = start();
	await session.until((screen) => /\d+%\s*$/.test(screen.at(-1)!));
	const firstScreen = stats(firstScreens).median;
	const wholeWork = stats(wholeWorks).median;
	const keys: Record<string, number[]> = {
		j: [],
		space: [],
		G: [],
		g: [],
		']': [],
		'}': [],
		'50%': [],
		t: [],
		'?': [],
		search: [],
	};
	// A key pressed at the end of a short work says "End of the work", and the message goes 4 s
	// later: a key pressed then, changing nothing, would take that for its answer. So the reader
	// goes back to the start, unmeasured, whenever a key has said it can go no further.
	const atLimit = /End of the work|Last scene|Last chapter/;
	async function pressed(key: string): Promise<number> {
		const ms = await session.key(key);
		if (atLimit.test(session.row(session.terminal.rows - 1))) await session.key('g');
		return ms;
	}

	for (let index = 0; index < 30; index++) keys['j']!.push(await pressed('j'));
	for (let index = 0; index < 30; index++) keys['space']!.push(await pressed(' '));
	for (let index = 0; index < 15; index++) {
		keys['G']!.push(await session.key('G'));
		keys['g']!.push(await session.key('g'));
	}

	for (let index = 0; index < 30; index++) keys[']']!.push(await pressed(']'));
	for (let index = 0; index < 30; index++) keys['}']!.push(await pressed('}'));
	for (let index = 0; index < 10; index++) {
		await session.key('g');
		keys['50%']!.push(await session.key(`${40 + index}%`));
	}

	// Overlays: each press opens, the next closes.
	for (let index = 0; index < 10; index++) keys['t']!.push(await session.key('t'));
	for (let index = 0; index < 10; index++) keys['?']!.push(await session.key('?'));
	const needles = ['lantern', 'barley', 'Inspector', 'mainland', 'kitten'];
	for (const needle of needles) {
		await session.key('g');
		await session.key(`/${needle}`);
		keys['search']!.push(await session.key('\r'));
	}

	const resizes = await repeat(
		6,
		(() => {
			let wide = false;
			return async () => {
				wide = !wide;
				return (await session.resize(wide ? 80 : 100, wide ? 30 : 40)) - sttyOverhead;
			};
		})(),
	);
	const rss = session.peakRssBytes();
	await session.close();
	rmSync(home, {recursive: true, force: true});
	return {
		format,
		words: storyWords,
		megabytes: bytes.length / 1e6,
		parseMs,
		parseMBps: bytes.length / 1e6 / (parseMs / 1000),
		firstScreenMs: firstScreen,
		wholeWorkMs: wholeWork,
		'loading worst': stats(loadingWorst).median,
		'loading freeze': stats(loadingFreeze).median,
		...Object.fromEntries(
			Object.entries(keys).map(([key, samples]) => [`key ${key}`, stats(samples)]),
		),
		resize: stats(resizes),
		peakRssMB: rss / 1e6,
	};
}

async function throughput(): Promise<Row[]> {
	process.stderr.write('measuring parse throughput on 1M words…\n');
	const rows: Row[] = (
		[
			'ao3-text',
			'ao3-html',
			'fff-txt',
			'fff-html',
			'html',
			'markdown',
			'text',
			'epub',
			'fb2',
			'mobi',
			'azw3',
		] as const
	).map((format) => {
		const {bytes, extension} = generatedFile(format, 1_000_000);
		const times = Array.from(
			{length: 3},
			() => time(() => workFromBytes(bytes, `x.${extension}`))[1],
		);
		return {
			format,
			megabytes: bytes.length / 1e6,
			parseMBps: bytes.length / 1e6 / (stats(times).median / 1000),
		};
	});
	// A PDF is read asynchronously (pdf.js); loading pdf.js, on a small one first, is not counted.
	await openWorkBytes(generatedFile('pdf', 1000).bytes, 'warm.pdf');
	const {bytes} = generatedFile('pdf', 1_000_000);
	const times = await repeat(3, async () => {
		const start = performance.now();
		await openWorkBytes(bytes, 'x.pdf');
		return performance.now() - start;
	});
	rows.push({
		format: 'pdf',
		megabytes: bytes.length / 1e6,
		parseMBps: bytes.length / 1e6 / (stats(times).median / 1000),
	});
	return rows;
}

const fixed = (value: number, digits = 1) =>
	Number.isFinite(value)
		? Math.abs(value) >= 1000
			? Math.round(value).toString()
			: value.toFixed(digits)
		: '–';
const show = (value: number | string | Stats | undefined) =>
	typeof value === 'object'
		? `${fixed(value.median)}/${fixed(value.p95)}`
		: typeof value === 'number'
			? fixed(value)
			: (value ?? '');

mkdirSync(join(results, 'works'), {recursive: true});
if (!existsSync(cli)) throw new Error('build first: npm run build');
const node = spawnSync(process.execPath, ['-e', ''], {encoding: 'utf8'});
const [, nodeFloor] = time(() => spawnSync(process.execPath, ['-e', '']));
void node;
const sttyOverhead = sttyMs();
const hasLess = spawnSync('less', ['--version']).status === 0;
const rowsOut: Row[] = [];
for (const format of formats) {
	for (const words of sizes) {
		process.stderr.write(`measuring ${format} ${words} words…\n`);
		rowsOut.push(await measure(format, words, sttyOverhead));
		if (extensions[format] === 'txt' && hasLess) {
			const path = join(results, 'works', `${format}-${words}.txt`);
			rowsOut.push({
				format: 'less',
				words: rowsOut.at(-1)!['words']!,
				...(await lessWhileLoading(path)),
			});
		}
	}
}

// The targets of issue #17, from the shortest work of each format measured here: a long work's
// first screen within 1.2 times the short one's, and its peak memory within three times the
// file's size over the short one's.
for (const format of formats) {
	const own = rowsOut.filter((row) => row['format'] === format);
	const short = own.reduce<Row | undefined>(
		(least, row) => (!least || (row['words'] as number) < (least['words'] as number) ? row : least),
		undefined,
	);
	if (!short) continue;
	for (const row of own) {
		row['firstTarget'] = 1.2 * (short['firstScreenMs'] as number);
		row['rssTargetMB'] = 3 * (row['megabytes'] as number) + (short['peakRssMB'] as number);
	}
}

// BENCH_THROUGHPUT=0 leaves out the throughput of every format, minutes of a run spent on no work's peak.
const parse = process.env['BENCH_THROUGHPUT'] === '0' ? [] : await throughput();
const columnsShown = [
	'format',
	'words',
	'megabytes',
	'parseMs',
	'parseMBps',
	'firstScreenMs',
	'firstTarget',
	'wholeWorkMs',
	'loading worst',
	'loading freeze',
	'key j',
	'key space',
	'key G',
	'key g',
	'key ]',
	'key }',
	'key 50%',
	'key t',
	'key ?',
	'key search',
	'resize',
	'peakRssMB',
	'rssTargetMB',
];
const table = [
	columnsShown,
	...rowsOut.map((row) => columnsShown.map((column) => show(row[column]))),
];
const widths = columnsShown.map((_, index) =>
	Math.max(...table.map((line) => String(line[index]).length)),
);
const lines = table.map((line) =>
	line.map((cell, index) => String(cell).padStart(widths[index]!)).join('  '),
);
console.log(
	`ficterm bench · ${new Date().toISOString()} · node ${process.version} · ${columns}x${rows} · times in ms (median/p95)`,
);
console.log(`floor: node -e '' takes ${fixed(nodeFloor)} ms`);
console.log(lines.join('\n'));
console.log('\nparse throughput, 1M words:');
for (const row of parse)
	console.log(
		`  ${String(row['format']).padEnd(9)} ${fixed(row['megabytes'] as number)} MB  ${fixed(row['parseMBps'] as number)} MB/s`,
	);
writeFileSync(
	join(results, 'bench.json'),
	JSON.stringify(
		{
			date: new Date().toISOString(),
			node: process.version,
			nodeFloorMs: nodeFloor,
			runs: rowsOut,
			parse,
		},
		undefined,
		2,
	),
);
console.log(`\nwritten: bench-results/bench.json`);
