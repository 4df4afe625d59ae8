// The text area: exactly the visible rows of the lazy layout, nothing else.

import {Box} from 'ink';
import type {Anchor} from '../work/anchor.ts';
import type {Layout} from '../layout/layout.ts';
import {matchRanges} from '../reader/search-text.ts';
import {TextLine} from './TextLine.tsx';

type Props = {
	layout: Layout;
	anchor: Anchor;
	rows: number;
	margin: number;
	query: string;
	color: boolean;
};

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
					highlights={matchRanges(line.text, query)}
					color={color}
				/>
			))}
		</Box>
	);
}
