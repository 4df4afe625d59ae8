// The text a block shows, ruby readings in parentheses after their bases, and the way back to block offsets.

import type {Block, StyleRun} from '../work/types.ts';

export type ShownText = {
	text: string;
	/** Text the reader made (a rule, folded tags): the block's styles do not apply. */
	own?: boolean;
	/** The block's style runs, at their places in the shown text. */
	styles?: StyleRun[];
	/** Spans of the shown text from `start` to `end` that no line may split, relative to `start`. */
	kept?: (start: number, end: number) => Array<[number, number]>;
	/** The offset in the block's text of a place in the shown text. */
	blockOffset?: (shown: number) => number;
};

export function shownWithReadings(block: Block, readings: boolean): ShownText {
	const ruby = block.ruby;
	if (!ruby || ruby.length === 0 || !readings) return {text: block.text};
	let text = '';
	let last = 0;
	/** Where each reading was put: its place in the block and in the shown text, and its length. */
	const inserts: Array<{block: number; shown: number; length: number; before: number}> = [];
	const spans: Array<[number, number]> = [];
	for (const run of ruby) {
		if (run.start < last || run.end > block.text.length) continue;
		const baseStart = text.length + run.start - last;
		text += block.text.slice(last, run.end);
		const reading = `(${run.reading})`;
		inserts.push({
			block: run.end,
			shown: text.length,
			length: reading.length,
			before: text.length - run.end,
		});
		text += reading;
		spans.push([baseStart, text.length]);
		last = run.end;
	}

	text += block.text.slice(last);
	/** How far the shown text has run ahead of the block's text before block offset `offset`. */
	const shownOf = (offset: number) => {
		let added = 0;
		for (const insert of inserts) {
			if (insert.block >= offset) break;
			added += insert.length;
		}

		return offset + added;
	};

	const styles = block.styles?.map((run) => ({
		start: shownOf(run.start),
		end: shownOf(run.end),
		style: run.style,
	}));
	return {
		text,
		...(styles ? {styles} : {}),
		kept(start, end) {
			const within: Array<[number, number]> = [];
			for (const [from, to] of spans) {
				if (to > start && from < end)
					within.push([Math.max(from, start) - start, Math.min(to, end) - start]);
			}

			return within;
		},
		blockOffset(shown) {
			// The last reading that starts before this place; inside a reading is its base's end.
			let low = 0;
			let high = inserts.length;
			while (low < high) {
				const middle = (low + high) >> 1;
				if (inserts[middle]!.shown < shown) low = middle + 1;
				else high = middle;
			}

			const insert = inserts[low - 1];
			if (!insert) return shown;
			if (shown < insert.shown + insert.length) return insert.block;
			return shown - insert.before - insert.length;
		},
	};
}
