// One row of text: its styled runs and any search highlights, after the margin.

import {Text} from 'ink';
import type {Line} from '../layout/wrap-block.ts';
import type {InlineStyle} from '../work/types.ts';
import {Reverse} from './Reverse.tsx';

type Segment = {text: string; styles: Set<InlineStyle>; highlight: boolean};

function segmentsOf(line: Line, highlights: Array<[number, number]>): Segment[] {
	const cuts = new Set([0, line.text.length]);
	for (const run of line.runs) cuts.add(run.start).add(run.end);
	for (const [start, end] of highlights) cuts.add(start).add(end);
	const points = [...cuts]
		.filter((cut) => cut >= 0 && cut <= line.text.length)
		.sort((a, b) => a - b);
	const segments: Segment[] = [];
	for (let index = 0; index + 1 < points.length; index++) {
		const start = points[index]!;
		const end = points[index + 1]!;
		const styles = new Set(
			line.runs.filter((run) => run.start <= start && run.end >= end).map((run) => run.style),
		);
		const highlight = highlights.some(([from, to]) => from <= start && to >= end);
		segments.push({text: line.text.slice(start, end), styles, highlight});
	}

	return segments;
}

type Props = {line: Line; margin: number; highlights: Array<[number, number]>; color: boolean};

export function TextLine({line, margin, highlights, color}: Props) {
	const pad = ' '.repeat(margin + line.indent);
	if (!line.text) return <Text> </Text>;
	const dim = line.tone === 'break' || line.tone === 'note';
	const plain = line.runs.length === 0 && highlights.length === 0;
	return (
		<Text
			wrap="truncate"
			bold={line.tone === 'heading'}
			dimColor={dim}
			color={line.tone === 'heading' && color ? 'cyan' : undefined}
		>
			{pad}
			{plain
				? line.text
				: segmentsOf(line, highlights).map((segment, index) => (
						<Text
							key={index}
							italic={segment.styles.has('italic')}
							bold={segment.styles.has('bold')}
							underline={segment.styles.has('underline')}
							strikethrough={segment.styles.has('strike')}
						>
							<Reverse when={segment.highlight}>
								<Text>{segment.text}</Text>
							</Reverse>
						</Text>
					))}
		</Text>
	);
}
