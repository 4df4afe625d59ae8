// The keys, drawn from the key table itself so that help never disagrees with behaviour.

import {keyHint} from '../reader/key-lookup.ts';
import {helpLines} from '../reader/overlay-lines.ts';
import {OverlayLines} from './OverlayLines.tsx';

export function HelpOverlay({top, rows, columns}: {top: number; rows: number; columns: number}) {
	return (
		<OverlayLines
			title="Keys"
			lines={helpLines(columns)}
			top={top}
			hint={keyHint('help')}
			rows={rows}
			columns={columns}
		/>
	);
}
