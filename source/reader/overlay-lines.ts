// The lines of the overlays that scroll (help, about this work), and how far each may scroll, so that
// the reducer and the components agree on what is in view.

import wrapAnsi from 'wrap-ansi';
import {storyWords} from '../work/progress.ts';
import type {Work} from '../work/types.ts';
import {helpRows} from './key-lookup.ts';
import {textRows, type ReaderState} from './state.ts';

/** The width of the label column in the help and in "about this work". */
export const labelWidth = 14;

/** Rows inside a panel of `rows` rows: less the border, title and footer. */
export function panelBodyRows(rows: number): number {
	return rows < 4 ? rows : Math.max(1, rows - 4);
}

/** Columns inside a panel of `columns` columns: less the border and its padding. */
export function panelBodyColumns(columns: number): number {
	return columns < 12 ? columns : columns - 4;
}

/** The about rows as label and value; empty values are left out. */
export function aboutRows(work: Work, revealTags: boolean): Array<[string, string]> {
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

/**
 * One shown line of a two-column overlay: a label (on a value's first line only) and its text;
 * a `wide` line has no label column (the help stacks keys over their words when narrow).
 */
export type OverlayLine = {label: string; text: string; wide?: boolean};

/** The label column of a two-column overlay: wide enough for its longest label and two spaces. */
export function labelColumn(lines: OverlayLine[]): number {
	let column = labelWidth;
	for (const line of lines) if (!line.wide) column = Math.max(column, line.label.length + 2);
	return column;
}

/** The narrowest the help's words may be beside the keys before the keys go above them. */
const minimumHelpText = 20;

/** The narrowest an about value may be beside its label before the label goes above it. */
const minimumAboutText = 16;

/**
 * The about rows wrapped to the panel: warnings and tags are what readers check before reading, so
 * a long value takes as many lines as it needs, never cut; on a narrow panel, under its label.
 */
export function aboutLines(work: Work, revealTags: boolean, columns: number): OverlayLine[] {
	const inner = panelBodyColumns(columns);
	const room = inner - labelWidth;
	const lines: OverlayLine[] = [];
	for (const [label, value] of aboutRows(work, revealTags)) {
		if (room >= minimumAboutText) {
			for (const [index, text] of wrapped(value, room).entries())
				lines.push({label: index === 0 ? label : '', text});
			continue;
		}

		lines.push({label, text: '', wide: true});
		for (const text of wrapped(value, inner - 2))
			lines.push({label: '', text: `  ${text}`, wide: true});
	}

	return lines;
}

/**
 * The help as lines for a panel `columns` wide: each key's words wrapped beside it at word
 * boundaries, or, where the keys leave too little room, under it.
 */
export function helpLines(columns: number): OverlayLine[] {
	const rows = helpRows().map((row) => ({label: row.keys, text: row.help}));
	const inner = panelBodyColumns(columns);
	const room = inner - labelColumn(rows);
	const lines: OverlayLine[] = [];
	for (const row of rows) {
		if (room >= minimumHelpText) {
			for (const [index, text] of wrapped(row.text, room).entries())
				lines.push({label: index === 0 ? row.label : '', text});
			continue;
		}

		lines.push({label: row.label, text: '', wide: true});
		for (const text of wrapped(row.text, inner - 2))
			lines.push({label: '', text: `  ${text}`, wide: true});
	}

	return lines;
}

function wrapped(text: string, width: number): string[] {
	return wrapAnsi(text, Math.max(1, width), {hard: true, trim: true}).split('\n');
}

/** The lines of the overlay open now, when it is one that scrolls. */
export function scrollingLines(work: Work, state: ReaderState): OverlayLine[] | undefined {
	if (state.overlay === 'help') return helpLines(state.columns);
	if (state.overlay === 'meta') return aboutLines(work, state.revealTags, state.columns);
	return undefined;
}

/** The furthest an overlay of `count` lines scrolls: its last line at the panel's foot. */
export function lastOverlayTop(count: number, state: ReaderState): number {
	return Math.max(0, count - panelBodyRows(textRows(state)));
}
