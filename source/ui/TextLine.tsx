// One row of text: its styled runs and any search highlights, after the margin.

import {Text} from 'ink';
import type {Line} from '../layout/wrap-block.ts';
import type {InlineStyle} from '../work/types.ts';
import {type Attribute, Attributes} from './Reverse.tsx';

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
	const lineAttributes: Attribute[] = [];
	if (line.tone === 'heading') lineAttributes.push('bold');
	if (line.tone === 'break' || line.tone === 'note') lineAttributes.push('dim');
	const segments =
		line.runs.length === 0 && highlights.length === 0
			? [{text: line.text, styles: new Set<InlineStyle>(), highlight: false}]
			: segmentsOf(line, highlights);
	return (
		<Text wrap="truncate" color={line.tone === 'heading' && color ? 'cyan' : undefined}>
			{pad}
			{segments.map((segment, index) => (
				// Each piece carries all its attributes and turns them all off after it, so that
				// none runs on into the next (bold and dim share one "off").
				<Attributes key={index} on={attributesOf(lineAttributes, segment, color)}>
					<Text>{segment.text}</Text>
				</Attributes>
			))}
		</Text>
	);
}

function attributesOf(line: readonly Attribute[], segment: Segment, color: boolean): Attribute[] {
	const attributes = [...line];
	// Code stands apart in colour, or dimmed where colour is off.
	for (const style of segment.styles)
		attributes.push(style === 'code' ? (color ? 'yellow' : 'dim') : style);
	if (segment.highlight) attributes.push('reverse');
	return attributes;
}
