// The text area: exactly the visible rows of the lazy layout, nothing else.

import {Box} from 'ink';
import type {Anchor} from '../work/anchor.ts';
import type {Layout} from '../layout/layout.ts';
import {TextLine} from './TextLine.tsx';

type Props = {
	layout: Layout;
	anchor: Anchor;
	rows: number;
	margin: number;
	query: string;
	color: boolean;
};

function highlightsIn(text: string, query: string): Array<[number, number]> {
	if (!query) return [];
	const caseSensitive = query !== query.toLowerCase();
	const haystack = caseSensitive ? text : text.toLowerCase();
	const needle = caseSensitive ? query : query.toLowerCase();
	const found: Array<[number, number]> = [];
	for (
		let at = haystack.indexOf(needle);
		at !== -1;
		at = haystack.indexOf(needle, at + needle.length)
	) {
		found.push([at, at + needle.length]);
	}

	return found;
}

export function TextView({layout, anchor, rows, margin, query, color}: Props) {
	const lines = layout.linesFrom(anchor, rows);
	return (
		<Box flexDirection="column" height={rows} overflow="hidden">
			{lines.map((line, row) => (
				<TextLine
					// Keyed by row: a row is a place on the screen, and two keys alike would leave
					// React drawing a stale line over a fresh one.
					key={row}
					line={line}
					margin={margin}
					highlights={highlightsIn(line.text, query)}
					color={color}
				/>
			))}
		</Box>
	);
}
