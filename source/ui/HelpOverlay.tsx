// The keys, drawn from the keymap itself so that help never disagrees with behaviour.

import {Text} from 'ink';
import {bindings} from '../reader/keymap.ts';
import {Panel, panelBodyRows} from './Panel.tsx';

export function HelpOverlay({rows, columns}: {rows: number; columns: number}) {
	const listed = bindings.filter((binding) => binding.keys);
	const shown = listed.slice(0, panelBodyRows(rows));
	return (
		<Panel title="Keys" rows={rows} columns={columns} footer="Esc or ? to close · q to quit">
			{shown.map((binding) => (
				<Text key={binding.keys} wrap="truncate">
					<Text bold>{binding.keys.padEnd(14)}</Text>
					{binding.help}
				</Text>
			))}
		</Panel>
	);
}
