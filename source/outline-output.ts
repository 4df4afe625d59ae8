// `--toc`: the outline as text, or as the JSON that scripts and tests read.

import {outlineOf} from './work/outline.ts';
import type {Work} from './work/types.ts';
import {storyWords} from './work/progress.ts';
import {counted} from './reader/status.ts';

export function outlineJson(work: Work): string {
	const {title, authors, ...meta} = work.meta;
	return JSON.stringify(
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
			chapters: outlineOf(work).map((chapter) => ({
				title: chapter.title,
				words: chapter.words,
				// Nesting only where the work's own contents have it, so that flat outlines stay as they were.
				...(chapter.depth > 0 ? {depth: chapter.depth} : {}),
				...(chapter.parts.length > 0 ? {parts: chapter.parts} : {}),
				sections: chapter.sections.map((section) => ({
					words: section.words,
					opening: section.opening,
				})),
			})),
			warnings: work.warnings,
		},
		undefined,
		2,
	);
}

export function outlineText(work: Work): string {
	const lines = [
		`${work.meta.title || 'Untitled'}${work.meta.authors.length > 0 ? ` by ${work.meta.authors.join(', ')}` : ''}`,
		`${counted(storyWords(work), 'word')} · ${counted(work.chapters.length, 'chapter')} · ${work.format}`,
		'',
	];
	for (const [index, chapter] of outlineOf(work).entries()) {
		for (const part of chapter.parts) lines.push(`     ${'  '.repeat(part.depth)}${part.title}`);
		const nesting = '  '.repeat(chapter.depth);
		lines.push(
			`${String(index + 1).padStart(3)}. ${nesting}${chapter.title} (${counted(chapter.words, 'word')})`,
		);
		if (chapter.sections.length > 1) {
			for (const section of chapter.sections) {
				lines.push(`       ${nesting}· ${section.opening} (${section.words.toLocaleString('en')})`);
			}
		}
	}

	return lines.join('\n');
}
