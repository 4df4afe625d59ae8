// About the work: its tags, dates and counts, as the file gave them, wrapped and never cut.

import {keyHint} from '../reader/key-lookup.ts';
import {aboutLines} from '../reader/overlay-lines.ts';
import type {Work} from '../work/types.ts';
import {OverlayLines} from './OverlayLines.tsx';

type Props = {work: Work; revealTags: boolean; top: number; rows: number; columns: number};

export function MetaOverlay({work, revealTags, top, rows, columns}: Props) {
	return (
		<OverlayLines
			title="About this work"
			lines={aboutLines(work, revealTags, columns)}
			top={top}
			hint={keyHint('metadata')}
			rows={rows}
			columns={columns}
		/>
	);
}
