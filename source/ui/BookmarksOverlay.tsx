// The reader's bookmarks in reading order: Enter jumps, d deletes.

import {Text} from 'ink';
import {keyHint} from '../reader/key-lookup.ts';
import type {Mark} from '../work/anchor.ts';
import {panelBodyRows} from '../reader/overlay-lines.ts';
import {Panel} from './Panel.tsx';
import {Reverse} from './Reverse.tsx';

type Props = {
	marks: Mark[];
	cursor: number;
	rows: number;
	columns: number;
	/** A bookmark was deleted since the list opened: an empty list is one with none left. */
	deleted?: boolean;
};

export function BookmarksOverlay({marks, cursor, rows, columns, deleted = false}: Props) {
	const body = panelBodyRows(rows);
	const first = Math.max(0, Math.min(cursor - Math.floor(body / 2), marks.length - body));
	return (
		<Panel
			title={`Bookmarks · ${marks.length}`}
			rows={rows}
			columns={columns}
			footer={keyHint('bookmarks')}
		>
			{marks.length === 0 ? (
				<Text dimColor wrap="wrap">
					{deleted ? 'No bookmarks left' : 'No bookmarks yet'}: press m to add one here.
				</Text>
			) : null}
			{marks.slice(first, first + body).map((mark, index) => (
				<Text key={`${mark.anchor.block}:${mark.anchor.offset}`} wrap="truncate">
					<Reverse when={first + index === cursor}>
						<Text>{mark.label}</Text>
					</Reverse>
				</Text>
			))}
		</Panel>
	);
}
