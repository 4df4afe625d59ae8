// The texts of a long work's blocks kept as UTF-8 in one buffer while the work is read off the
// main thread, not as strings. V8 keeps a heap's pages once they are used, and a worker's until
// seconds after it ends: strings for every block, then their packed copy for the main thread, made
// the worker's peak the whole text twice over. Stored, the text is in memory once, in the buffer
// the main thread is then given (see packed-texts.ts).

import type {DraftBlock} from './draft.ts';
import {ownText} from './own-text.ts';

export class TextStore {
	#bytes: Buffer;
	#used = 0;
	/**
	 * Written over a file's own bytes: how far the texts may reach, the start of the first line
	 * not yet read (see FileLines); none until the lines are there, then the whole buffer.
	 */
	#floor?: () => number;
	#overFile = false;

	/** `capacity`: what the texts are expected to take; the store grows if they take more. */
	constructor(capacity: number) {
		this.#bytes = Buffer.allocUnsafeSlow(Math.max(1024, capacity));
	}

	/**
	 * A store that writes texts over a text file's bytes, behind its reading of them: a paragraph
	 * never takes more bytes than the lines it is made of. Nothing is written until `readFrom` says
	 * how far the reading has gone; a text that would pass it moves the store to a buffer of its own.
	 */
	static overFile(file: Buffer): TextStore {
		const store = new TextStore(0);
		store.#bytes = file;
		store.#overFile = true;
		store.#floor = () => 0;
		return store;
	}

	/** How far the texts may reach in the file (undefined: the file is read, all of it may go). */
	readFrom(floor: (() => number) | undefined): void {
		if (this.#overFile) this.#floor = floor;
	}

	/** Moves to a buffer of its own, before the file's bytes are freed (a text not read by lines). */
	leaveFile(): void {
		if (this.#overFile) this.#grow(this.#bytes.length * 1.25);
	}

	/** Writes the text and returns where its bytes start; they end at `used`. */
	add(text: string): number {
		// Three bytes a UTF-16 unit at most; only touched pages of the spare space take memory. Over a
		// file, the room is exact: the file's unread lines lie close behind.
		this.reserve(this.#overFile ? Buffer.byteLength(text) : text.length * 3);
		const start = this.#used;
		this.#used += this.#bytes.write(text, start, 'utf8');
		return start;
	}

	text(start: number, end: number): string {
		return this.#bytes.toString('utf8', start, end);
	}

	/** Makes room for `bytes` more after what is used. */
	reserve(bytes: number): void {
		const limit = this.#floor ? Math.min(this.#floor(), this.#bytes.length) : this.#bytes.length;
		if (this.#used + bytes <= limit) return;
		// Leaving the file, whose unread lines must stay as they are, it takes as much again.
		this.#grow(Math.max(this.#used + bytes, this.#bytes.length * (this.#floor ? 1.25 : 2)));
	}

	#grow(size: number): void {
		this.#floor = undefined;
		this.#overFile = false;
		const grown = Buffer.allocUnsafeSlow(Math.max(1024, size));
		this.#bytes.copy(grown, 0, 0, this.#used);
		this.#bytes = grown;
	}

	get used(): number {
		return this.#used;
	}

	get bytes(): Buffer {
		return this.#bytes;
	}
}

/**
 * A draft block whose text is read from a store each time it is asked for, until it is given a
 * text of its own (sanitised, trimmed, emptied once packed).
 */
export class StoredBlock {
	readonly #store: TextStore;
	readonly #start: number;
	readonly #end: number;
	#own: string | undefined;

	constructor(store: TextStore, start: number, end: number) {
		this.#store = store;
		this.#start = start;
		this.#end = end;
	}

	get text(): string {
		return this.#own ?? this.#store.text(this.#start, this.#end);
	}

	set text(text: string) {
		this.#own = text;
	}

	/** Where the text is in `store`, while it is still the stored one. */
	storedIn(store: TextStore): {start: number; end: number} | undefined {
		return this.#own === undefined && store === this.#store
			? {start: this.#start, end: this.#end}
			: undefined;
	}
}

let active: TextStore | undefined;

/** Block texts made from now on are kept in `store` (undefined: as strings of their own again). */
export function storeTextsIn(store: TextStore | undefined): void {
	active = store;
}

/**
 * A new draft block: its text stored, when a store is in use, or else as it is given, copied first
 * with `copy` when it may be a slice of something longer (see own-text.ts).
 */
export function textBlock(kind: DraftBlock['kind'], text: string, copy = false): DraftBlock {
	if (!active || text.length === 0) return {kind, text: copy ? ownText(text) : text};
	const start = active.add(text);
	const block = new StoredBlock(active, start, active.used) as unknown as DraftBlock;
	block.kind = kind;
	return block;
}
