// Pages through a work in a real terminal and checks that every screen is a run of --print lines.

import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {cliPath, Terminal} from './terminal.ts';
import {initialState, leftMargin, textWidth} from '../../source/reader/state.ts';

type Size = {columns: number; rows: number};

async function printed(path: string, width: number): Promise<string[]> {
	const {stdout} = await promisify(execFile)(
		process.execPath,
		[cliPath, '--print', '--width', String(width), path],
		{encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: {...process.env, NO_COLOR: '1'}},
	);
	return stdout
		.replace(/\n$/, '')
		.split('\n')
		.map((line) => line.trimEnd());
}

/** Where the screen's text rows sit in the printed lines, or why they sit nowhere. */
export function placeInPrint(rows: string[], margin: number, lines: string[]): string | undefined {
	const text: string[] = [];
	for (const [index, row] of rows.entries()) {
		if (row.slice(0, margin).trim()) return `row ${index} writes into the margin: "${row}"`;
		text.push(row.slice(margin).trimEnd());
	}

	const first = text.findIndex((row) => row !== '');
	if (first === -1) return undefined;
	for (
		let start = lines.indexOf(text[first]!);
		start !== -1;
		start = lines.indexOf(text[first]!, start + 1)
	) {
		const top = start - first;
		if (top < 0) continue;
		if (text.every((row, index) => row === (lines[top + index] ?? ''))) return undefined;
	}

	return `the screen is not a run of --print lines: first text row "${text[first]}"`;
}

function statusProblem(row: string, columns: number): string | undefined {
	if (row.length > columns) return `the status line is wider than the terminal: "${row}"`;
	if (!/^ \S/.test(row) || !/(\d+%|reading…)\s*$/.test(row))
		return `the status line is not intact: "${row}"`;
	return undefined;
}

/** One step of a walk: keys to press, or a new terminal size. */
export type Step = string[] | Size;

export const walk: Step[] = [
	['Space'],
	['Space'],
	['Space'],
	['b'],
	['}'],
	['Space'],
	[']'],
	['j'],
	['{'],
	['G'],
	['k'],
	['b'],
	['g'],
	['5', '0', '%'],
	['Space'],
	{columns: 60, rows: 20},
	['Space'],
	['b'],
	['}'],
	['Space'],
	['G'],
	['k'],
	['g'],
	['Space'],
	{columns: 100, rows: 32},
	['Space'],
];

/** Opens `path` at the walk's first size and checks every screen after every step. */
export async function pageThrough(path: string, steps: Step[] = walk): Promise<void> {
	const terminal = new Terminal();
	let size: Size = {columns: 100, rows: 32};
	const sizes = [size, ...steps.filter((step): step is Size => !Array.isArray(step))];
	const widthAt = (at: Size) => textWidth(initialState({columns: at.columns, rows: at.rows}));
	// The --print text at every width the walk meets, made while the reader starts.
	const printing = Promise.all(
		[...new Set(sizes.map((at) => widthAt(at)))].map(
			async (width) => [width, await printed(path, width)] as const,
		),
	);
	try {
		terminal.start([path], size);
		const prints = new Map(await printing);
		const geometry = () => {
			const state = initialState({columns: size.columns, rows: size.rows});
			return {margin: leftMargin(state), lines: prints.get(textWidth(state))!};
		};

		let problem: string | undefined;
		const check = (screen: string[]) => {
			const {margin, lines} = geometry();
			problem =
				screen.length === size.rows
					? (statusProblem(screen.at(-1)!, size.columns) ??
						placeInPrint(screen.slice(0, -1), margin, lines))
					: `the screen has ${screen.length} rows, not ${size.rows}`;
			return problem === undefined;
		};

		const settle = async (what: string) => {
			try {
				await terminal.waitFor(check, what, 20_000);
			} catch (error) {
				throw new Error(
					`${path} at ${size.columns}x${size.rows}, ${what}: ${problem ?? ''}\n${String(error)}`,
				);
			}
		};

		await terminal.waitFor(
			(screen) => /(\d+%)\s*$/.test(screen.at(-1)!),
			'the whole work read',
			30_000,
		);
		// The reader folds the tags that --print shows; unfold them so that both show the same lines.
		if (terminal.text().includes('Tags: hidden')) {
			terminal.press('a');
			await terminal.waitFor((screen) => !screen.join('\n').includes('Tags: hidden'), 'tags shown');
		}

		await settle('on opening');
		for (const step of steps) {
			if (Array.isArray(step)) {
				for (const key of step) terminal.press(key);
				await settle(`after ${step.join('')}`);
			} else {
				size = step;
				terminal.resize(step.columns, step.rows);
				await settle(`after resizing to ${step.columns}x${step.rows}`);
			}
		}
	} finally {
		await terminal.close();
	}
}
