// A work with its layouts, one per text width, so that switching widths back and forth is free.

import {Layout} from '../layout/layout.ts';
import {TocIndex} from '../work/toc-index.ts';
import {SearchIndex} from './search-index.ts';
import type {Work} from '../work/types.ts';
import type {WorkTexts} from '../work/work-texts.ts';

const layoutsKept = 3;
/** Below this many characters a regular expression over the blocks is fast enough. */
const indexFromChars = 2_000_000;

export class Book {
	readonly work: Work;
	/** Whether ruby readings are shown after their text (and so found by a search). */
	readonly readings: boolean;
	readonly #layouts = new Map<string, Layout>();

	#toc?: TocIndex;
	/** Built a little at a time while the reader is idle (see warmSearchIndex), for long works only. */
	readonly searchIndex?: SearchIndex;

	/**
	 * `index`: from what length a work gets a search index, and how it scans (smaller in tests);
	 * `texts`: where the blocks' texts are kept, folded into the index (see work-texts.ts).
	 */
	constructor(
		work: Work,
		options: {
			readings?: boolean;
			index?: {fromChars: number; scanWindow?: number};
			texts?: WorkTexts;
		} = {},
	) {
		this.work = work;
		this.readings = options.readings ?? true;
		const {fromChars = indexFromChars, scanWindow} = options.index ?? {};
		if (work.charsBefore[work.blocks.length]! > fromChars && !work.partial)
			this.searchIndex = new SearchIndex(work, {scanWindow, texts: options.texts});
	}

	get toc(): TocIndex {
		this.#toc ??= new TocIndex(this.work);
		return this.#toc;
	}

	layout(width: number, revealTags: boolean): Layout {
		const key = `${width}:${revealTags}`;
		let layout = this.#layouts.get(key);
		if (layout) {
			this.#layouts.delete(key);
		} else {
			layout = new Layout(this.work, width, revealTags, this.readings);
			if (this.#layouts.size >= layoutsKept)
				this.#layouts.delete(this.#layouts.keys().next().value!);
		}

		this.#layouts.set(key, layout);
		return layout;
	}
}
