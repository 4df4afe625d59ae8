// The library: works read before and work files found, with progress and news; it draws the
// library's state and nothing else.

import {Box, Text} from 'ink';
import {relativeTime} from '../library/entries.ts';
import type {LibraryState} from '../library/library-state.ts';
import {keyHint} from '../reader/key-lookup.ts';
import {truncateTo} from '../reader/status.ts';

type Props = {state: LibraryState; now: Date; columns: number; rows: number};

function bar(fraction: number, width: number): string {
	const filled = Math.round(fraction * width);
	return '━'.repeat(filled) + '─'.repeat(width - filled);
}

export function Library({state, now, columns, rows}: Props) {
	const listRows = Math.max(1, rows - 3);
	const first = Math.max(
		0,
		Math.min(state.cursor - Math.floor(listRows / 2), state.entries.length - listRows),
	);
	const shown = state.entries.slice(first, first + listRows);
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Text bold wrap="truncate">
				{` ficterm · ${state.entries.length} works`}
			</Text>
			<Box flexDirection="column" height={listRows} overflow="hidden">
				{state.entries.length === 0 ? (
					<Text dimColor> No works yet: run ficterm FILE, or --dir FOLDER.</Text>
				) : null}
				{shown.map((entry, index) => {
					const selected = first + index === state.cursor;
					const status = entry.missing
						? 'missing'
						: [
								entry.newChapters > 0
									? `${entry.newChapters} new chapter${entry.newChapters === 1 ? '' : 's'}`
									: '',
								entry.readAt ? relativeTime(entry.readAt, now) : 'unread',
							]
								.filter(Boolean)
								.join(' · ');
					const right = `${bar(entry.fraction, 10)} ${String(Math.floor(entry.fraction * 100)).padStart(3)}%  ${status}`;
					const name =
						entry.authors.length > 0 ? `${entry.title} — ${entry.authors.join(', ')}` : entry.title;
					const left = truncateTo(name, Math.max(4, columns - right.length - 4));
					return (
						<Text
							key={entry.path}
							inverse={selected}
							dimColor={entry.missing && !selected}
							wrap="truncate"
						>
							{` ${left.padEnd(Math.max(0, columns - right.length - 3))} ${right} `}
						</Text>
					);
				})}
			</Box>
			<Text dimColor wrap="truncate">
				{state.message ?? ` ${keyHint('library')}`}
			</Text>
		</Box>
	);
}
