// Where text enters the model: every string of a draft made safe for the terminal, in one pass,
// before the draft is laid flat into a Work.

import type {DraftBlock, WorkDraft} from './draft.ts';
import {sanitiseLine, sanitiseText} from './sanitise.ts';
import type {WorkMeta} from './types.ts';

function sanitiseMeta(meta: WorkMeta): WorkMeta {
	const clean: WorkMeta = {...meta};
	for (const [key, value] of Object.entries(clean)) {
		if (typeof value === 'string') (clean as Record<string, unknown>)[key] = sanitiseLine(value);
		if (Array.isArray(value)) {
			(clean as Record<string, unknown>)[key] = value
				.map((item: string) => sanitiseLine(item))
				.filter(Boolean);
		}
	}

	return clean;
}

/** Blocks are cleaned in place: the draft belongs to the assembly, and a long work has many. */
function sanitiseBlocks(blocks: DraftBlock[]): void {
	for (const block of blocks) {
		const text = sanitiseText(block.text);
		if (text !== block.text) {
			// The style and ruby runs were offsets into the text as it was.
			block.text = text;
			delete block.styles;
			delete block.ruby;
		}
	}
}

export function sanitiseDraft(draft: WorkDraft): void {
	draft.meta = sanitiseMeta(draft.meta);
	sanitiseBlocks(draft.summary);
	sanitiseBlocks(draft.notes);
	sanitiseBlocks(draft.endNotes);
	for (const chapter of draft.chapters) {
		chapter.title = sanitiseText(chapter.title);
		for (const part of chapter.parts ?? []) part.title = sanitiseText(part.title);
		sanitiseBlocks(chapter.summary);
		sanitiseBlocks(chapter.notes);
		sanitiseBlocks(chapter.body);
		sanitiseBlocks(chapter.endNotes);
	}
}
