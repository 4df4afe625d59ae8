// The library: works read before and work files found, with progress and news; it draws the
// library's state and nothing else.

import {basename} from 'node:path';
import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {relativeTime, type LibraryEntry} from '../library/entries.ts';
import type {LibraryState} from '../library/library-state.ts';
import {keyHint} from '../reader/key-lookup.ts';
import {counted, percentText, truncateTo} from '../reader/status.ts';
import {Reverse} from './Reverse.tsx';

type Props = {state: LibraryState; now: Date; columns: number; rows: number};

function bar(fraction: number, width: number): string {
	const filled = Math.round(fraction * width);
	return '━'.repeat(filled) + '─'.repeat(width - filled);
}

function statusOf(entry: LibraryEntry, now: Date): string {
	if (entry.missing) return 'missing';
	return [
		entry.newChapters > 0 ? counted(entry.newChapters, 'new chapter') : '',
		entry.readAt ? relativeTime(entry.readAt, now) : 'unread',
	]
		.filter(Boolean)
		.join(' · ');
}

/** Pads to a display width: a CJK character takes two columns, not one. */
const padToWidth = (text: string, width: number) =>
	text + ' '.repeat(Math.max(0, width - stringWidth(text)));

/** Titles that more than one entry has, which need their file names to be told apart. */
function repeatedTitles(state: LibraryState): Set<string> {
	const seen = new Set<string>();
	const repeated = new Set<string>();
	for (const {title} of state.entries) (seen.has(title) ? repeated : seen).add(title);
	return repeated;
}

export function Library({state, now, columns, rows}: Props) {
	const repeated = repeatedTitles(state);
	const listRows = Math.max(1, rows - 3);
	const first = Math.max(
		0,
		Math.min(state.cursor - Math.floor(listRows / 2), state.entries.length - listRows),
	);
	const shown = state.entries.slice(first, first + listRows);
	const statuses = shown.map((entry) => statusOf(entry, now));
	const statusWidth = statuses.reduce((widest, status) => Math.max(widest, stringWidth(status)), 0);
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Text bold wrap="truncate">
				{` ficterm · ${counted(state.entries.length, 'work')}`}
			</Text>
			<Box flexDirection="column" height={listRows} overflow="hidden">
				{state.entries.length === 0 ? (
					<Text dimColor> No works yet: run ficterm FILE, or --dir FOLDER.</Text>
				) : null}
				{shown.map((entry, index) => {
					const selected = first + index === state.cursor;
					// The status column is as wide as its widest row, so that the bars line up.
					const right = `${bar(entry.fraction, 10)} ${percentText(entry.fraction).padStart(4)}  ${padToWidth(statuses[index]!, statusWidth)}`;
					const title = repeated.has(entry.title)
						? `${entry.title} (${basename(entry.shownPath)})`
						: entry.title;
					const name = entry.authors.length > 0 ? `${title} — ${entry.authors.join(', ')}` : title;
					const leftWidth = Math.max(4, columns - stringWidth(right) - 2);
					const left = padToWidth(truncateTo(name, leftWidth - 2), leftWidth);
					return (
						<Reverse key={entry.path} when={selected}>
							<Text dimColor={entry.missing && !selected} wrap="truncate">
								{` ${left}${right} `}
							</Text>
						</Reverse>
					);
				})}
			</Box>
			<Text dimColor wrap="truncate">
				{` ${state.message ?? keyHint('library')}`}
			</Text>
		</Box>
	);
}
