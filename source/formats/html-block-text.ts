// The text of the block being read, as a browser shows it: style runs, ruby, note references, ids.

import {sanitiseLine} from '../work/sanitise.ts';
import type {InlineStyle, RubyRun, StyleRun} from '../work/types.ts';

/** Ideographic and other wide spaces are trimmed at the ends too; a no-break space is kept (spacers). */
const edgeSpace = /[ \n\u3000\u2000-\u200A]/;

export type BlockText = {
	body: string;
	styles: StyleRun[];
	ruby: RubyRun[];
	links: string[];
	ids: string[];
};

function shifted<T extends {start: number; end: number}>(
	runs: T[],
	by: number,
	length: number,
): T[] {
	const result: T[] = [];
	for (const run of runs) {
		const start = Math.max(0, Math.min(length, run.start - by));
		const end = Math.max(0, Math.min(length, run.end - by));
		if (end > start) result.push({...run, start, end});
	}

	return result;
}

/**
 * The block is kept as the chunks it was read in, with what the parser needs to know about its
 * end tracked as it grows: looking into one long string after every chunk (a regular expression,
 * even charCodeAt) makes V8 flatten it again each time, which is quadratic in a long poem.
 */
export class BlockTextBuilder {
	#parts: string[] = [];
	#length = 0;
	/** Whether the block, and its current line, hold anything but white space yet. */
	#hasText = false;
	#lineHasText = false;
	#runs: StyleRun[] = [];
	#openRuns: Array<{style: InlineStyle; start: number; tag: string}> = [];
	#ruby: RubyRun[] = [];
	#rubyBase = -1;
	#reading: string | undefined;
	#noteOpen = false;
	#noteBracket = false;
	#links: string[] = [];
	#ids: string[] = [];
	#nextIds: string[] = [];

	/** Characters in the block so far. */
	get length(): number {
		return this.#length;
	}

	get isBlank(): boolean {
		return !this.#hasText;
	}

	/** Whether the current line (since the last line break) holds anything but white space. */
	get lineHasText(): boolean {
		return this.#lineHasText;
	}

	/** Text as a browser shows it: runs of white space are one space, across text nodes too. */
	append(data: string): void {
		if (this.#reading !== undefined) {
			this.#reading += data;
			return;
		}

		let chunk = /[\t\n\r\f]| {2}/.test(data) ? data.replace(/[ \t\n\r\f]+/g, ' ') : data;
		if (chunk.charCodeAt(0) === 32) {
			const last = this.#lastCode();
			if (last === -1 || last === 32 || last === 10) chunk = chunk.slice(1);
		}

		this.#push(this.#beforeText(chunk));
	}

	/** Preformatted text, kept as it is but for its line endings. */
	appendPreformatted(data: string): void {
		this.#push(this.#beforeText(data.replace(/\r\n?/g, '\n')));
	}

	/** Text the reader adds (list numbers, image descriptions, indents), kept as given. */
	appendOwn(text: string): void {
		this.#push(text);
	}

	/** Starts the current line, while it holds no text, at `columns` of indent. */
	indentLine(columns: number): void {
		if (this.#lineHasText) return;
		this.#trimEnd();
		this.#push(' '.repeat(columns));
	}

	lineBreak(): void {
		this.#trimEnd();
		this.#push('\n');
	}

	/** A line number stands apart from the verse it counts. */
	gap(): void {
		if (!this.#lineHasText) return;
		this.#trimEnd();
		this.#push('    ');
	}

	openStyle(tag: string, style: InlineStyle): void {
		this.#openRuns.push({style, start: this.#length, tag});
	}

	closeStyle(tag: string): void {
		const at = this.#openRuns.findLastIndex((run) => run.tag === tag);
		if (at === -1) return;
		const [run] = this.#openRuns.splice(at, 1);
		if (this.#length > run!.start)
			this.#runs.push({start: run!.start, end: this.#length, style: run!.style});
	}

	openRuby(): void {
		this.#rubyBase = this.#length;
	}

	openReading(): void {
		if (this.#rubyBase >= 0) this.#reading ??= '';
	}

	closeReading(): void {
		if (this.#reading === undefined) return;
		const reading = sanitiseLine(this.#reading);
		this.#reading = undefined;
		const start = this.#rubyBase;
		if (reading && this.#length > start) this.#ruby.push({start, end: this.#length, reading});
		// A second base and reading may follow in the same ruby element.
		this.#rubyBase = this.#length;
	}

	closeRuby(): void {
		this.closeReading();
		this.#rubyBase = -1;
	}

	/** A note reference is bracketed, `[1]`, unless its own text already is. */
	openNoteReference(): void {
		this.#noteOpen = true;
		this.#noteBracket = false;
	}

	closeNoteReference(): void {
		if (this.#noteBracket) {
			this.#trimEnd();
			this.#push(']');
		}

		this.#noteOpen = false;
		this.#noteBracket = false;
	}

	link(href: string): void {
		this.#links.push(href);
	}

	/** An id opened before the block's first words belongs to the block; later ones, to the next. */
	id(id: string): void {
		(this.isBlank ? this.#ids : this.#nextIds).push(id);
	}

	/** The chunk to add, after the bracket that opens a note reference's first words. */
	#beforeText(chunk: string): string {
		if (!this.#noteOpen || this.#noteBracket || !/\S/.test(chunk)) return chunk;
		if (chunk.trimStart().startsWith('[')) {
			this.#noteOpen = false;
			return chunk;
		}

		this.#trimEnd();
		this.#push('[');
		this.#noteBracket = true;
		return chunk.trimStart();
	}

	#push(chunk: string): void {
		if (!chunk) return;
		this.#parts.push(chunk);
		this.#length += chunk.length;
		const newline = chunk.lastIndexOf('\n');
		if (newline === -1) {
			if (!this.#lineHasText && /\S/.test(chunk)) this.#lineHasText = this.#hasText = true;
		} else {
			this.#hasText ||= /\S/.test(chunk);
			this.#lineHasText = /\S/.test(chunk.slice(newline + 1));
		}
	}

	#lastCode(): number {
		const last = this.#parts.at(-1);
		return last ? last.charCodeAt(last.length - 1) : -1;
	}

	/** Drops the spaces at the end of the text, and any style run or ruby base's share of them. */
	#trimEnd(): void {
		while (this.#parts.length > 0) {
			const last = this.#parts.at(-1)!;
			let end = last.length;
			while (end > 0 && last.charCodeAt(end - 1) === 32) end--;
			if (end === last.length) break;
			this.#length -= last.length - end;
			if (end > 0) {
				this.#parts[this.#parts.length - 1] = last.slice(0, end);
				break;
			}

			this.#parts.pop();
		}

		for (const run of this.#runs) run.end = Math.min(run.end, this.#length);
		for (const run of this.#ruby) run.end = Math.min(run.end, this.#length);
	}

	/**
	 * The finished block, trimmed at its ends (an indent at its start is kept when `keepIndent`);
	 * the builder starts the next block, with the styles still open carried over.
	 */
	take(keepIndent: boolean): BlockText {
		for (const run of this.#openRuns) {
			if (this.#length > run.start)
				this.#runs.push({start: run.start, end: this.#length, style: run.style});
		}

		const text = this.#parts.join('');
		let leading = 0;
		if (keepIndent) {
			const blank = /^(?:[ \t\u3000]*\n)+/.exec(text);
			leading = blank ? blank[0].length : 0;
		} else if (edgeSpace.test(text[0] ?? '')) {
			while (leading < text.length && edgeSpace.test(text[leading]!)) leading++;
		}

		let end = text.length;
		while (end > leading && edgeSpace.test(text[end - 1]!)) end--;
		let body = text.slice(leading, end);
		if (!/\S/.test(body)) body = text.replace(/[ \n]/g, '');
		const result: BlockText = {
			body,
			styles: shifted(this.#runs, leading, body.length),
			ruby: shifted(this.#ruby, leading, body.length),
			links: this.#links,
			ids: this.#ids,
		};
		this.#parts = [];
		this.#length = 0;
		this.#hasText = false;
		this.#lineHasText = false;
		this.#runs = [];
		this.#ruby = [];
		this.#links = [];
		for (const run of this.#openRuns) run.start = 0;
		if (this.#rubyBase >= 0) this.#rubyBase = 0;
		if (body) {
			this.#ids = this.#nextIds;
			this.#nextIds = [];
		} else {
			// Nothing was shown: the ids wait for the next block that is.
			for (const id of this.#nextIds) this.#ids.push(id);
			this.#nextIds = [];
		}

		return result;
	}
}
