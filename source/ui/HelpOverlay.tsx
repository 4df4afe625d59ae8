// The keys, drawn from the key table itself so that help never disagrees with behaviour.

import {Text} from 'ink';
import {helpRows, keyHint} from '../reader/key-lookup.ts';
import {Panel, panelBodyRows} from './Panel.tsx';

export function HelpOverlay({rows, columns}: {rows: number; columns: number}) {
	const shown = helpRows().slice(0, panelBodyRows(rows));
	return (
		<Panel title="Keys" rows={rows} columns={columns} footer={keyHint('help')}>
			{shown.map((row) => (
				<Text key={row.keys} wrap="truncate">
					<Text bold>{row.keys.padEnd(14)}</Text>
					{row.help}
				</Text>
			))}
		</Panel>
	);
}
