// The contents: chapters and their scenes, with word counts, the reader's place and the cursor.

import {Text} from 'ink';
import {keyHint} from '../reader/key-lookup.ts';
import {counted, truncateTo} from '../reader/status.ts';
import type {TocEntry} from '../work/outline.ts';
import {panelBodyRows} from '../reader/overlay-lines.ts';
import {Panel} from './Panel.tsx';
import {Reverse} from './Reverse.tsx';

type Props = {
	entries: TocEntry[];
	cursor: number;
	current: number;
	newChapters?: number[];
	rows: number;
	columns: number;
};

export function TocOverlay({entries, cursor, current, newChapters = [], rows, columns}: Props) {
	const body = panelBodyRows(rows);
	const first = Math.max(0, Math.min(cursor - Math.floor(body / 2), entries.length - body));
	const shown = entries.slice(first, first + body);
	return (
		<Panel
			title={`Contents · ${counted(entries.filter((entry) => entry.kind === 'chapter').length, 'chapter')}`}
			rows={rows}
			columns={columns}
			footer={keyHint('contents')}
		>
			{shown.map((entry, index) => {
				const position = first + index;
				const mark = position < current ? '✓' : position === current ? '▸' : ' ';
				const indent = '  '.repeat(entry.depth) + (entry.kind === 'section' ? '    ' : '');
				const words = entry.kind === 'part' ? '' : `${entry.words.toLocaleString('en')} w`;
				const isNew = entry.kind === 'chapter' && newChapters.includes(entry.chapter);
				// The label gives way, so that the word count and the "new" mark stay in view.
				const room = columns - 4 - 2 - indent.length - 2 - words.length - (isNew ? 6 : 0);
				const label = truncateTo(entry.label || '…', Math.max(1, room));
				return (
					<Text
						key={`${entry.kind}:${entry.start}:${position}`}
						bold={entry.kind === 'part'}
						dimColor={entry.kind === 'section' && position !== cursor}
						wrap="truncate"
					>
						<Reverse when={position === cursor}>
							<Text>
								{`${mark} ${indent}${label}  `}
								<Text dimColor>{words}</Text>
								{isNew ? <Text bold> · new</Text> : null}
							</Text>
						</Reverse>
					</Text>
				);
			})}
		</Panel>
	);
}
