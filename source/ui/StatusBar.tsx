// The one-line status bar: title, chapter, scene, time left, share read, or the search prompt.

import {Text} from 'ink';
import stringWidth from 'string-width';
import {progressBar, statusText, truncateTo, type Status} from '../reader/status.ts';
import type {Work} from '../work/types.ts';
import {Reverse} from './Reverse.tsx';

type Props = {
	work: Work;
	status: Status;
	columns: number;
	message?: string;
	prompt?: string;
	count: string;
	color: boolean;
};

export function StatusBar({work, status, columns, message, prompt, count, color}: Props) {
	if (prompt !== undefined) {
		const shown = `/${prompt}`;
		return (
			<Text wrap="truncate">
				{shown.length >= columns ? shown.slice(shown.length - columns + 1) : shown}
				<Reverse>
					<Text> </Text>
				</Reverse>
			</Text>
		);
	}

	// A message (a search count, "Resumed at …") takes the place of the title while it shows, and
	// the time left and scene give it their room, so that its end is not cut at 80 columns.
	const note = message ?? (count ? `${count}…` : '');
	const shown = note ? {...status, timeLeft: undefined, scene: undefined} : status;
	const {left, right} = statusText(shown, columns - 2);
	const shownLeft = note ? truncateTo(note, Math.max(1, columns - 3 - stringWidth(right))) : left;
	const gap = Math.max(1, columns - 2 - stringWidth(shownLeft) - stringWidth(right));
	const bar =
		gap >= 12
			? ' ' + progressBar(work, status.loading ? 0 : status.percent / 100, gap - 2) + ' '
			: ' '.repeat(gap);
	return (
		<Text wrap="truncate" color={color ? 'gray' : undefined}>
			<Reverse when={!color}>
				<Text>
					{' '}
					<Text bold>{shownLeft}</Text>
					{bar}
					{right}{' '}
				</Text>
			</Reverse>
		</Text>
	);
}
