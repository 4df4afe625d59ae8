// Markdown: "#" headings split chapters; emphasis, quotes and lists kept.

import {chapterDraft, type ChapterDraft, type DraftBlock, type WorkDraft} from '../work/draft.ts';
import {dividerKind} from '../work/scene-breaks.ts';
import {emptyMeta} from '../work/types.ts';
import {parseInlineMarkup} from './inline-markup.ts';
import {paragraphsFromLines} from './text-lines.ts';

function styled(block: DraftBlock): DraftBlock {
	let kind = block.kind;
	let source = block.text;
	if (/^>\s?/.test(source)) {
		kind = 'quote';
		source = source.replace(/(^|\s)>\s?/g, '$1').trim();
	} else if (/^([-*+]|\d+[.)])\s/.test(source) && kind === 'paragraph' && !dividerKind(source)) {
		kind = 'list-item';
	}

	const {text, styles} = parseInlineMarkup(source);
	return styles.length > 0 ? {...block, kind, text, styles} : {...block, kind, text};
}

export function parseMarkdown(text: string, path: string): WorkDraft {
	const lines = text.split('\n');
	const headings = lines
		.map((line, index) => ({index, level: /^(#{1,6})\s+\S/.exec(line)?.[1]?.length ?? 0}))
		.filter((heading) => heading.level > 0);
	// The title is a lone top-level heading; chapters are the next level that repeats.
	const level1 = headings.filter((heading) => heading.level === 1);
	const titleHeading = level1.length === 1 ? level1[0] : undefined;
	const chapterLevel = Math.min(
		...headings.filter((heading) => heading !== titleHeading).map((heading) => heading.level),
	);
	const starts = headings.filter(
		(heading) => heading !== titleHeading && heading.level === chapterLevel,
	);
	const title =
		(titleHeading && lines[titleHeading.index]!.replace(/^#+\s*/, '').trim()) ||
		(path.split(/[\\/]/).at(-1) ?? path).replace(/\.[^.]+$/, '');
	const chapters: ChapterDraft[] = [];
	const bodyStart = titleHeading ? titleHeading.index + 1 : 0;
	const firstEnd = starts[0]?.index ?? lines.length;
	const preface = paragraphsFromLines(lines.slice(bodyStart, firstEnd)).map(styled);
	if (preface.length > 0) chapters.push(chapterDraft(title, preface, false));
	for (const [number, start] of starts.entries()) {
		const end = starts[number + 1]?.index ?? lines.length;
		const heading = lines[start.index]!.replace(/^#+\s*/, '').replace(/\s*#+\s*$/, '');
		const body = paragraphsFromLines(lines.slice(start.index + 1, end)).map((block) =>
			/^#{1,6}\s/.test(block.text)
				? {kind: 'heading' as const, text: block.text.replace(/^#+\s*/, '')}
				: styled(block),
		);
		chapters.push(chapterDraft(heading, body));
	}

	return {
		format: 'markdown',
		meta: emptyMeta(title),
		summary: [],
		notes: [],
		chapters,
		endNotes: [],
		warnings: [],
	};
}
