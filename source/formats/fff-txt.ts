// FanFicFare's TXT: title, "by Author", "Label: value" lines, an optional contents list, then
// chapters whose titles are indented, with text wrapped at 78 columns and ending "End file.".

import {
	chapterDraft,
	type ChapterDraft,
	type DraftBlock,
	type WorkDraft,
	emptyDraft,
} from '../work/draft.ts';
import {emptyMeta} from '../work/types.ts';
import {applyFffLabel, fffLabels} from './fff-labels.ts';
import {parseInlineMarkup} from './inline-markup.ts';
import {isBlank, paragraphsFromLines} from './text-lines.ts';

const labelLine = /^([A-Z][A-Za-z ]+):\s?(.*)$/;

export function looksLikeFffTxt(text: string): boolean {
	const head = text.slice(0, 8000);
	return (
		(/^Story URL: /m.test(head) && /^Packaged: /m.test(head)) ||
		(/\nEnd file\.\s*$/.test(text.slice(-200)) && /^by .+$/m.test(head))
	);
}

function styled(block: DraftBlock): DraftBlock {
	if (block.kind !== 'paragraph') return block;
	const {text, styles} = parseInlineMarkup(block.text);
	return styles.length > 0 ? {...block, text, styles} : {...block, text};
}

export function parseFffTxt(source: string): WorkDraft {
	const lines = source.split('\n');
	const meta = emptyMeta();
	const draft = emptyDraft('fff-txt', meta);
	let index = lines.findIndex((line) => !isBlank(line));
	meta.title = lines[index]?.trim() ?? '';
	index++;
	while (index < lines.length && isBlank(lines[index]!)) index++;
	const byline = /^by\s+(.+)$/.exec(lines[index]?.trim() ?? '');
	if (byline) {
		meta.authors = byline[1]!.split(/,\s+|\s+&\s+/);
		index++;
	}

	// Labels, each value maybe wrapped onto unlabelled lines, until a gap of two blank lines.
	let label: string | undefined;
	let summary: string[] = [];
	let blanks = 0;
	for (; index < lines.length; index++) {
		const line = lines[index]!;
		if (isBlank(line)) {
			blanks++;
			if (blanks >= 2 && (label || meta.sourceUrl || meta.words)) break;
			continue;
		}

		blanks = 0;
		const match = labelLine.exec(line);
		if (match && fffLabels.has(match[1]!.toLowerCase())) {
			label = match[1]!.toLowerCase();
			if (label === 'summary') summary = [match[2]!];
			else applyFffLabel(meta, label, match[2]!);
		} else if (label === 'summary') {
			summary.push(line);
		}
	}

	draft.summary = paragraphsFromLines(summary.join('\n').split('\n')).map(styled);
	const rest = lines.slice(index);
	const end = rest.findLastIndex((line) => line.trim() === 'End file.');
	const body = end === -1 ? rest : rest.slice(0, end);
	const tocAt = body.findIndex((line) => line.trim() === 'TABLE OF CONTENTS');
	const titles = new Set<string>();
	let start = 0;
	if (tocAt !== -1) {
		let cursor = tocAt + 1;
		while (cursor < body.length && isBlank(body[cursor]!)) cursor++;
		while (cursor < body.length && !isBlank(body[cursor]!)) titles.add(body[cursor++]!.trim());
		start = cursor;
	}

	let chapter: ChapterDraft | undefined;
	let chunk: string[] = [];
	const close = () => {
		const blocks = paragraphsFromLines(chunk).map(styled);
		if (chapter) chapter.body.push(...blocks);
		else if (blocks.length > 0)
			draft.chapters.push((chapter = chapterDraft(meta.title, blocks, false)));
		chunk = [];
	};

	for (let cursor = start; cursor < body.length; cursor++) {
		const line = body[cursor]!;
		const alone = isBlank(body[cursor - 1] ?? '') && isBlank(body[cursor + 1] ?? '');
		const indented = /^(\t| {2,})\S/.test(line);
		if (
			alone &&
			line.trim() &&
			((indented && (titles.size === 0 || titles.has(line.trim()))) ||
				(titles.has(line.trim()) && !chapter))
		) {
			close();
			chapter = chapterDraft(line.trim(), []);
			draft.chapters.push(chapter);
			continue;
		}

		chunk.push(line);
	}

	close();
	return draft;
}
