// About the work: its tags, dates and counts, as the file gave them.

import {Text} from 'ink';
import {keyHint} from '../reader/key-lookup.ts';
import {storyWords} from '../work/progress.ts';
import type {Work} from '../work/types.ts';
import {Panel, panelBodyRows} from './Panel.tsx';

export function metaRows(work: Work, revealTags: boolean): Array<[string, string]> {
	const {meta} = work;
	const rows: Array<[string, string | undefined]> = [
		['Title', meta.title],
		['Author', meta.authors.join(', ')],
		['Rating', meta.rating],
		['Warnings', meta.warnings.join(', ')],
		['Category', meta.categories.join(', ')],
		['Fandom', meta.fandoms.join(', ')],
		['Relationships', meta.relationships.join(', ')],
		['Characters', meta.characters.join(', ')],
		[
			'Tags',
			revealTags
				? meta.tags.join(', ')
				: meta.tags.length > 0
					? `${meta.tags.length} hidden (a to show)`
					: '',
		],
		['Language', meta.language],
		['Series', meta.series],
		['Published', meta.published],
		['Updated', meta.updated],
		['Completed', meta.completed],
		['Words', storyWords(work).toLocaleString('en')],
		['Chapters', meta.chapterCount ?? String(work.chapters.length)],
		['Source', meta.sourceUrl],
		['Format', work.format],
	];
	return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

export function MetaOverlay({
	work,
	revealTags,
	rows,
	columns,
}: {
	work: Work;
	revealTags: boolean;
	rows: number;
	columns: number;
}) {
	const shown = metaRows(work, revealTags).slice(0, panelBodyRows(rows));
	return (
		<Panel title="About this work" rows={rows} columns={columns} footer={keyHint('metadata')}>
			{shown.map(([label, value]) => (
				<Text key={label} wrap="truncate">
					<Text bold>{label.padEnd(14)}</Text>
					{value}
				</Text>
			))}
		</Panel>
	);
}
