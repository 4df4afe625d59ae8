// Where each element of an EPUB document sits, named as KOReader's XPointers name it
// (crengine's `ldomXPointer::toStringV2`): `/body[1]/DocFragment[N]/body[1]/div[1]/p[4]`.
// While a work is read, a block keeps only a number for its element (its document and its order
// among the document's block elements); the path itself is found when sync needs it, by reading
// that one document again with `paths` on.

import type {BlockXPath, ElementNode} from '../work/types.ts';

/** Deeper than this is not followed (hostile nesting costs nothing); the blocks there get no path. */
const maxFrames = 256;

type Frame = {
	tag: string;
	node: ElementNode;
	/** Element children seen so far, by name: the next one's index among its same-name siblings. */
	counts?: Map<string, number>;
	/** Text nodes seen so far that hold more than white space (crengine drops the others). */
	texts: number;
};

/** The first text inside a block: its path below the block element, and the block text it holds. */
type FirstText = {suffix: string; start: number; end: number};

/** Documents per EPUB stay below this (the zip holds at most 10,000 entries). */
const fragmentCodes = 16_384;

/**
 * A block element's number: its DocFragment and its order among the document's block elements.
 * The order comes first, so that the number stays a small integer for any ordinary document.
 */
export function elementCode(fragment: number, order: number): number | undefined {
	return fragment > 0 && fragment < fragmentCodes ? order * fragmentCodes + fragment : undefined;
}

/** The DocFragment and the order that `elementCode` made a number of. */
export function elementOfCode(code: number): {fragment: number; order: number} {
	return {fragment: code % fragmentCodes, order: Math.floor(code / fragmentCodes)};
}

/** N in a DocFragment's path, `/body[1]/DocFragment[N]`. */
export function fragmentOf(root: string): number {
	return Number(/DocFragment\[(\d+)\]$/.exec(root)?.[1] ?? 0);
}

/** The element path of a node, from the root: `/body[1]/DocFragment[3]/body[1]/p[4]`. */
export function elementPath(node: ElementNode): string {
	const steps: string[] = [];
	for (let at: ElementNode | undefined = node; at; at = at.parent) steps.push(at.step);
	return `/${steps.reverse().join('/')}`;
}

export class ElementPaths {
	readonly #root: string;
	/** Told each block's path; without it, block elements are only counted, which costs next to nothing. */
	readonly #onPath: ((order: number, path: BlockXPath) => void) | undefined;
	readonly #paths: boolean;
	readonly #fragment: number;
	/** Block elements begun so far: the order of the one begun last. */
	#begun = 0;
	#order = 0;
	readonly #frames: Frame[] = [];
	/** One string for each step and suffix met ("p[4]", "/text()[1]"): thousands of blocks share them. */
	readonly #strings = new Map<string, string>();
	#deep = 0;
	/** The block being watched for its first text, by its frame. */
	#block: Frame | undefined;
	#first: FirstText | undefined;
	#leadOpen = false;
	readonly #length: () => number;

	/**
	 * `root` is the DocFragment's path; `length` tells how long the block's text is so far; with
	 * `onPath`, each block's path is made and told, by the block's order in the document.
	 */
	constructor(
		root: string,
		length: () => number,
		onPath?: (order: number, path: BlockXPath) => void,
	) {
		this.#root = root.slice(1);
		this.#length = length;
		this.#onPath = onPath;
		this.#paths = onPath !== undefined;
		this.#fragment = fragmentOf(root);
	}

	#shared(text: string): string {
		const known = this.#strings.get(text);
		if (known !== undefined) return known;
		this.#strings.set(text, text);
		return text;
	}

	open(tag: string): void {
		const parent = this.#frames.at(-1);
		if (!parent) {
			// Everything before <body> (html, head) is outside the DocFragment's body.
			if (tag === 'body') this.#frames.push({tag, node: {step: `${this.#root}/body[1]`}, texts: 0});
			return;
		}

		if (this.#deep > 0 || this.#frames.length >= maxFrames) {
			this.#deep++;
			return;
		}

		if (!this.#paths) {
			// Only whether a block lies in <body> and not too deep counts, which the frames tell.
			this.#frames.push({tag, node: parent.node, texts: 0});
			return;
		}

		this.#closeLead();
		parent.counts ??= new Map();
		const index = (parent.counts.get(tag) ?? 0) + 1;
		parent.counts.set(tag, index);
		const node = {parent: parent.node, step: this.#shared(`${tag}[${index}]`)};
		this.#frames.push({tag, node, texts: 0});
	}

	close(tag: string): void {
		if (this.#deep > 0) {
			this.#deep--;
			return;
		}

		const index = this.#frames.findLastIndex((frame) => frame.tag === tag);
		if (index === -1) return;
		this.#closeLead();
		this.#frames.length = index;
	}

	/** Call before the text is added to the block. */
	text(data: string): void {
		const frame = this.#frames.at(-1);
		if (!this.#paths || !frame || this.#deep > 0 || !/\S/.test(data)) return;
		frame.texts++;
		const block = this.#block;
		if (!block || this.#first || !this.#frames.includes(block)) return;
		const steps: string[] = [];
		for (let at = frame.node; at !== block.node && at.parent; at = at.parent) steps.push(at.step);
		const below = steps.length > 0 ? `/${steps.reverse().join('/')}` : '';
		const start = this.#length();
		this.#first = {suffix: this.#shared(`${below}/text()[${frame.texts}]`), start, end: start};
		this.#leadOpen = true;
	}

	/** The element just opened begins a block: watch for its first text. */
	beginBlock(): void {
		this.#closeLead();
		this.#block = this.#deep > 0 ? undefined : this.#frames.at(-1);
		this.#order = ++this.#begun;
		this.#first = undefined;
		this.#leadOpen = false;
	}

	/**
	 * The number of the block begun last (`elementCode`), once it is finished; none for text outside
	 * a block element, or when its path is told instead.
	 */
	endBlock(): number | undefined {
		this.#closeLead();
		const block = this.#block;
		const first = this.#first;
		this.#block = undefined;
		this.#first = undefined;
		if (!block) return undefined;
		if (!this.#onPath) return elementCode(this.#fragment, this.#order);
		this.#onPath(
			this.#order,
			first
				? {element: block.node, text: first.suffix, start: first.start, end: first.end}
				: {element: block.node, start: 0, end: 0},
		);
		return undefined;
	}

	/** The first text node ends where any element opens or closes after it. */
	#closeLead(): void {
		if (!this.#leadOpen || !this.#first) return;
		this.#first.end = Math.max(this.#first.start, this.#length());
		this.#leadOpen = false;
	}
}
