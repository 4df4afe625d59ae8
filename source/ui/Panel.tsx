// A framed overlay of a fixed size that covers the text area.

import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {fitHint} from '../reader/key-lookup.ts';

type Props = {title: string; rows: number; columns: number; footer?: string; children: ReactNode};

export function Panel({title, rows, columns, footer, children}: Props) {
	if (rows < 4 || columns < 12) {
		return (
			<Box flexDirection="column" height={rows} width={columns} overflow="hidden">
				{children}
			</Box>
		);
	}

	return (
		<Box
			flexDirection="column"
			height={rows}
			width={columns}
			borderStyle="round"
			paddingX={1}
			overflow="hidden"
		>
			<Text bold wrap="truncate">
				{title}
			</Text>
			<Box flexDirection="column" flexGrow={1} overflow="hidden">
				{children}
			</Box>
			{footer ? (
				<Text dimColor wrap="truncate">
					{fitHint(footer, columns - 4)}
				</Text>
			) : null}
		</Box>
	);
}
