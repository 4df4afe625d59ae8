// The lines of a scrolling two-column overlay from its first shown line, with a hint of what is
// above and below.

import {Text} from 'ink';
import {labelColumn, panelBodyRows, type OverlayLine} from '../reader/overlay-lines.ts';
import {Panel} from './Panel.tsx';

type Props = {
	title: string;
	lines: OverlayLine[];
	top: number;
	hint: string;
	rows: number;
	columns: number;
};

export function OverlayLines({title, lines, top, hint, rows, columns}: Props) {
	const body = panelBodyRows(rows);
	const first = Math.max(0, Math.min(top, lines.length - body));
	const shown = lines.slice(first, first + body);
	const more = first + body < lines.length;
	// The title says where in a long overlay the view is, so that nothing below goes unnoticed.
	const where =
		first > 0 || more ? ` · ${first + 1}-${first + shown.length} of ${lines.length}` : '';
	const footer = more ? `${hint} · more below` : hint;
	// A label longer than the column ("Space f PgDn → Ctrl+F") widens it, keeping two spaces after it.
	const column = labelColumn(lines);
	return (
		<Panel title={`${title}${where}`} rows={rows} columns={columns} footer={footer}>
			{shown.map((line, index) => (
				<Text key={first + index} wrap="truncate">
					<Text bold>{line.wide ? line.label : line.label.padEnd(column)}</Text>
					{line.text}
				</Text>
			))}
		</Panel>
	);
}
