// `--toc`: the outline as text, or as the JSON that scripts and tests read, line by line, so that
// a work of 200,000 chapters is written as it goes rather than built whole first.

import {chapterOutlines, type ChapterOutline} from './work/outline.ts';
import type {Work} from './work/types.ts';
import {storyWords} from './work/progress.ts';
import {counted} from './reader/status.ts';

function chapterJson(chapter: ChapterOutline) {
	return {
		title: chapter.title,
		words: chapter.words,
		// Nesting only where the work's own contents have it, so that flat outlines stay as they were.
		...(chapter.depth > 0 ? {depth: chapter.depth} : {}),
		...(chapter.parts.length > 0 ? {parts: chapter.parts} : {}),
		sections: chapter.sections.map((section) => ({
			words: section.words,
			opening: section.opening,
		})),
	};
}

/** Stands for the chapters in the JSON of everything else; JSON escapes it, so no text can be it. */
const chaptersMark = '\u0000chapters';

/** The lines of `JSON.stringify(outline, undefined, 2)`, the chapters one by one. */
export function* outlineJsonLines(work: Work): Generator<string> {
	const {title, authors, ...meta} = work.meta;
	const whole = JSON.stringify(
		{
			id: work.id,
			format: work.format,
			title,
			authors,
			meta,
			summary: work.summary,
			notes: work.notes,
			endNotes: work.endNotes,
			words: storyWords(work),
			chapters: chaptersMark,
			warnings: work.warnings,
		},
		undefined,
		2,
	);
	const mark = JSON.stringify(chaptersMark);
	const at = whole.indexOf(mark);
	const before = whole.slice(0, at);
	const after = whole.slice(at + mark.length);
	let pending: string | undefined;
	for (const chapter of chapterOutlines(work)) {
		yield pending === undefined ? `${before}[` : `${pending},`;
		// Two levels deep in the whole: each of its lines four spaces in.
		pending = JSON.stringify(chapterJson(chapter), undefined, 2).replaceAll(/^/gm, '    ');
	}

	yield pending === undefined ? `${before}[]${after}` : `${pending}\n  ]${after}`;
}

export function outlineJson(work: Work): string {
	return Array.from(outlineJsonLines(work)).join('\n');
}

export function* outlineTextLines(work: Work): Generator<string> {
	yield `${work.meta.title || 'Untitled'}${work.meta.authors.length > 0 ? ` by ${work.meta.authors.join(', ')}` : ''}`;
	yield `${counted(storyWords(work), 'word')} · ${counted(work.chapters.length, 'chapter')} · ${work.format}`;
	yield '';
	let index = 0;
	for (const chapter of chapterOutlines(work)) {
		index++;
		for (const part of chapter.parts) yield `     ${'  '.repeat(part.depth)}${part.title}`;
		const nesting = '  '.repeat(chapter.depth);
		yield `${String(index).padStart(3)}. ${nesting}${chapter.title} (${counted(chapter.words, 'word')})`;
		if (chapter.sections.length > 1) {
			for (const section of chapter.sections) {
				yield `       ${nesting}· ${section.opening} (${section.words.toLocaleString('en')})`;
			}
		}
	}
}

export function outlineText(work: Work): string {
	return Array.from(outlineTextLines(work)).join('\n');
}
