// Measures a PDF's body text: its font size, left and right edges, and the gaps between its lines
// and between its paragraphs, from which paragraphs, headings and scene breaks are told apart.

import type {PdfLine} from './pdf-lines.ts';

export type PdfLayout = {
	bodySize: number;
	left: number;
	right: number;
	/** The usual distance between the baselines of two lines of one paragraph. */
	lineGap: number;
	/** The usual distance between the last line of a paragraph and the next one's first. */
	paragraphGap: number;
};

function weighed(values: Iterable<[number, number]>): Map<number, number> {
	const weights = new Map<number, number>();
	for (const [value, weight] of values) {
		const key = Math.round(value * 2) / 2;
		weights.set(key, (weights.get(key) ?? 0) + weight);
	}

	return weights;
}

/**
 * The smallest of the common gaps: where most paragraphs are one line long (dialogue), the gap
 * between paragraphs is the most common one, but the gap inside the others is still well used.
 */
function smallestCommon(gaps: number[]): number | undefined {
	const weights = weighed(gaps.map((gap) => [gap, 1]));
	let most = 0;
	for (const weight of weights.values()) most = Math.max(most, weight);
	const common = [...weights].filter(([, weight]) => weight >= most * 0.2).map(([gap]) => gap);
	return common.length > 0 ? common.reduce((a, b) => Math.min(a, b)) : undefined;
}

/** The value with the most weight, after rounding to half units. */
function mostCommon(values: Iterable<[number, number]>): number | undefined {
	const weights = weighed(values);

	let best: number | undefined;
	let bestWeight = 0;
	for (const [value, weight] of weights) {
		if (weight > bestWeight) {
			best = value;
			bestWeight = weight;
		}
	}

	return best;
}

function* pairs(lines: PdfLine[], bodySize: number) {
	for (let index = 1; index < lines.length; index++) {
		const before = lines[index - 1]!;
		const line = lines[index]!;
		if (before.page !== line.page) continue;
		if (Math.abs(before.size - bodySize) > 0.5 || Math.abs(line.size - bodySize) > 0.5) continue;
		const gap = before.y - line.y;
		if (gap > 0) yield gap;
	}
}

export function measureLayout(lines: PdfLine[]): PdfLayout {
	const bodySize = mostCommon(lines.map((line) => [line.size, line.text.length])) ?? 12;
	const body = lines.filter((line) => Math.abs(line.size - bodySize) <= 0.5);
	const left = mostCommon(body.map((line) => [line.x, 1])) ?? 0;
	const rights = body.map((line) => line.right).sort((a, b) => a - b);
	const right = rights[Math.floor(rights.length * 0.9)] ?? left + bodySize * 30;
	const gaps = [...pairs(lines, bodySize)];
	const lineGap = smallestCommon(gaps) ?? bodySize * 1.2;
	const paragraphGap =
		mostCommon(gaps.filter((gap) => gap > lineGap * 1.3).map((gap) => [gap, 1])) ?? lineGap;
	return {bodySize, left, right, lineGap, paragraphGap};
}
