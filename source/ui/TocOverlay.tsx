// The contents: chapters and their scenes, with word counts, the reader's place and the cursor.

import {Text} from 'ink';
import {keyHint} from '../reader/key-lookup.ts';
import {counted} from '../reader/status.ts';
import {placeMark, tocRows} from '../reader/toc-rows.ts';
import type {TocEntry, TocRowsOf} from '../work/toc-index.ts';
import {panelBodyColumns, panelBodyRows} from '../reader/overlay-lines.ts';
import {Panel} from './Panel.tsx';
import {Reverse} from './Reverse.tsx';

type Props = {
	entries: TocRowsOf;
	cursor: number;
	current: number;
	newChapters?: number[];
	rows: number;
	columns: number;
};

export function TocOverlay({entries, cursor, current, newChapters = [], rows, columns}: Props) {
	const body = panelBodyRows(rows);
	const first = Math.max(0, Math.min(cursor - Math.floor(body / 2), entries.length - body));
	const shown: TocEntry[] = [];
	// Only the rows in view are made: a work may have 200,000.
	for (let index = first; index < Math.min(entries.length, first + body); index++)
		shown.push(entries.at(index)!);
	const here = current < 0 ? undefined : entries.at(current);
	const marked = shown.map((entry, index) => ({
		entry,
		mark: placeMark(entry, first + index, current, here),
		isNew: entry.kind === 'chapter' && newChapters.includes(entry.chapter),
	}));
	return (
		<Panel
			title={`Contents · ${counted(entries.chapterCount, 'chapter')}`}
			rows={rows}
			columns={columns}
			footer={keyHint('contents')}
		>
			{tocRows(entries.mostWords, marked, panelBodyColumns(columns)).map((row, index) => {
				const position = first + index;
				const entry = shown[index]!;
				return (
					<Text
						key={`${entry.kind}:${entry.start}:${position}`}
						bold={entry.kind === 'part'}
						dimColor={entry.kind === 'section' && position !== cursor}
						wrap="truncate"
					>
						<Reverse when={position === cursor}>
							<Text>
								{row.label}
								{row.isNew ? <Text bold>{row.isNew}</Text> : null}
								{row.gap}
								<Text dimColor>{row.count}</Text>
							</Text>
						</Reverse>
					</Text>
				);
			})}
		</Panel>
	);
}
