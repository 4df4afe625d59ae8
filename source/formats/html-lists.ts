// HTML's lists as a browser draws them: each item numbered by its list or bulleted by its level,
// one item a line, a nested list's items one level further in.

import type {Element} from './html-elements.ts';
import {bulletAt} from './list-bullets.ts';

type OpenList = {element: Element; next?: number};

type ListBlock = {
	kind: string;
	ancestors: readonly Element[];
	continued?: boolean;
	listLevel?: number;
};

export class HtmlLists {
	readonly #open: OpenList[] = [];
	/** The outermost list of the block placed last, when that block was one of its items. */
	#lastItemOf: Element | undefined;

	/** An element opened: a list starts if it is one (`<ol start="5">` counts from 5). */
	open(element: Element): void {
		if (element.tag === 'ul') this.#open.push({element});
		if (element.tag === 'ol') {
			const start = Number.parseInt(element.attributes['start'] ?? '', 10);
			this.#open.push({element, next: Number.isSafeInteger(start) ? start : 1});
		}
	}

	close(tag: string): void {
		if (tag === 'ol' || tag === 'ul') this.#open.pop();
	}

	/** What an item starting now begins with: its number in its list, or its level's bullet. */
	marker(): string | undefined {
		const list = this.#open.at(-1);
		if (!list) return undefined;
		if (list.next === undefined) return `${bulletAt(this.#open.length - 1)} `;
		return `${list.next++}. `;
	}

	/** Gives an item its level and, after an item of the same list, no gap before it. */
	place(block: ListBlock): void {
		if (block.kind !== 'list-item') {
			this.#lastItemOf = undefined;
			return;
		}

		let outermost: Element | undefined;
		let depth = 0;
		for (const ancestor of block.ancestors) {
			if (ancestor.tag !== 'ol' && ancestor.tag !== 'ul') continue;
			outermost ??= ancestor;
			depth++;
		}

		if (depth > 1) block.listLevel = depth - 1;
		if (outermost && outermost === this.#lastItemOf) block.continued = true;
		this.#lastItemOf = outermost;
	}
}
