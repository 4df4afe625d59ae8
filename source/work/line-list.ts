// The lines of a text as the line formats read them: from an array, or from a file's bytes, each
// line decoded when it is asked for (see decode-lines.ts).

/** A line of spaces and tabs only. */
export function isBlank(line: string): boolean {
	return /^[ \t]*$/.test(line);
}

export type LineList = {
	readonly length: number;
	/** The line at `index`; '' past either end. */
	line(index: number): string;
	/** Whether the line at `index` is blank (spaces and tabs only), as `line` would show it. */
	blank(index: number): boolean;
	/** The first line from `from` on that holds `text`; -1 if none does. */
	find(text: string, from: number): number;
	/** Lines `start` to `end`, which the list need not keep once taken. */
	take(start: number, end: number): string[];
	/** Lines `start` to `end`, let go of unread: they are not wanted. */
	release(start: number, end: number): void;
	/** Every line, as an array. */
	all(): string[];
	/** Every line, as an array that the list then no longer holds. */
	takeAll(): string[];
};

/** An array's lines; taken or released, they are emptied there. */
export function arrayLines(lines: string[]): LineList {
	return {
		get length() {
			return lines.length;
		},
		line: (index) => lines[index] ?? '',
		blank: (index) => isBlank(lines[index] ?? ''),
		find: (text, from) => lines.findIndex((line, index) => index >= from && line.includes(text)),
		take(start, end) {
			const taken = lines.slice(start, end);
			lines.fill('', start, end);
			return taken;
		},
		release(start, end) {
			lines.fill('', start, end);
		},
		all: () => lines,
		takeAll: () => lines.splice(0),
	};
}

/** Lines `start` to `end` of a list, numbered from 0. */
export function lineRange(list: LineList, start: number, end: number): LineList {
	const from = Math.max(0, Math.min(start, list.length));
	const length = Math.max(0, Math.min(end, list.length) - from);
	const inRange = (index: number) => Math.max(0, Math.min(index, length)) + from;
	return {
		length,
		line: (index) => (index >= 0 && index < length ? list.line(from + index) : ''),
		blank: (index) => (index >= 0 && index < length ? list.blank(from + index) : true),
		find(text, first) {
			const found = list.find(text, from + Math.max(0, first));
			return found === -1 || found >= from + length ? -1 : found - from;
		},
		take: (first, last) => list.take(inRange(first), inRange(last)),
		release: (first, last) => list.release(inRange(first), inRange(last)),
		all: () => Array.from({length}, (_, index) => list.line(from + index)),
		takeAll: () => list.take(from, from + length),
	};
}
