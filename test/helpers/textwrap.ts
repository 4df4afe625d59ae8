// Python's textwrap.wrap, for writing FanFicFare's TXT shape in tests.

// Tabs expand to 8 columns; lines break at spaces, after a compound's hyphen and around "--";
// widths are in code points; whitespace is dropped at line edges.

const space = '\\t\\n\\v\\f\\r ';
const wordPunct = `[\\p{L}\\p{N}_!"'&.,?]`;
const letter = '[\\p{L}_]';
// One chunk: a run of whitespace, an em-dash between words, or a word up to a break after its
// hyphen ("goof-" of "goof-ball"), its end, or a following em-dash.
const chunk = new RegExp(
	`[${space}]+` +
		`|(?<=${wordPunct})-{2,}(?=[\\p{L}\\p{N}_])` +
		`|[^${space}]+?(?:-(?:(?<=${letter}{2}-)|(?<=${letter}-${letter}-))(?=${letter}-?${letter})` +
		`|(?=[${space}]|$)` +
		`|(?<=${wordPunct})(?=-{2,}[\\p{L}\\p{N}_]))`,
	'gu',
);

const length = (text: string) => [...text].length;

function expandTabs(text: string): string {
	let column = 0;
	let result = '';
	for (const char of text) {
		if (char === '\t') {
			const spaces = 8 - (column % 8);
			result += ' '.repeat(spaces);
			column += spaces;
		} else {
			result += char;
			column = char === '\n' ? 0 : column + 1;
		}
	}

	return result;
}

export function textwrap(text: string, width: number, breakLongWords = true): string[] {
	const munged = expandTabs(text).replace(/[\t\n\v\f\r]/g, ' ');
	const chunks = (munged.match(chunk) ?? []).reverse();
	const lines: string[] = [];
	const isSpace = (piece: string) => piece.trim() === '';
	while (chunks.length > 0) {
		const line: string[] = [];
		let used = 0;
		if (isSpace(chunks.at(-1)!) && lines.length > 0) chunks.pop();
		while (chunks.length > 0 && used + length(chunks.at(-1)!) <= width) {
			used += length(chunks.at(-1)!);
			line.push(chunks.pop()!);
		}

		if (chunks.length > 0 && length(chunks.at(-1)!) > width) {
			if (breakLongWords) {
				const points = [...chunks.at(-1)!];
				const room = Math.max(width - used, 1);
				let end = room;
				const hyphen = points.lastIndexOf('-', room - 1);
				if (hyphen > 0 && points.slice(0, hyphen).some((char) => char !== '-')) end = hyphen + 1;
				line.push(points.slice(0, end).join(''));
				chunks[chunks.length - 1] = points.slice(end).join('');
			} else if (line.length === 0) {
				line.push(chunks.pop()!);
			}
		}

		if (line.length > 0 && isSpace(line.at(-1)!)) line.pop();
		if (line.length > 0) lines.push(line.join(''));
	}

	return lines;
}
