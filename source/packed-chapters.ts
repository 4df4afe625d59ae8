// A work's chapters and sections packed into typed arrays and one string, for the parsing worker
// to hand them to the main thread. Cloned one by one, 200,000 chapters and 200,000 sections took
// seconds on both threads (a copy to let go of the file's text, then the message, then reading it);
// packed, they are a handful of arrays and one string.

import type {Chapter, ChapterPart, Section} from './work/types.ts';

export type PackedChapters = {
	/** start, end and depth of each chapter, three numbers a chapter. */
	ranges: Int32Array;
	/** The chapters' titles one after another; titleEnds[i] is where title i ends. */
	titles: string;
	titleEnds: Uint32Array;
	/** The parts that open before a chapter, by the chapter's index: nested contents only, rare. */
	parts: Array<[number, ChapterPart[]]>;
	/** chapter, start and end of each section, three numbers a section. */
	sections: Int32Array;
};

/** Packs the chapters and sections, in order; the few chapters' parts go as they are. */
export function packChapters(chapters: readonly Chapter[], sections: readonly Section[]) {
	const ranges = new Int32Array(chapters.length * 3);
	const titleEnds = new Uint32Array(chapters.length);
	const parts: Array<[number, ChapterPart[]]> = [];
	const titles: string[] = [];
	let at = 0;
	for (const [index, chapter] of chapters.entries()) {
		ranges[index * 3] = chapter.start;
		ranges[index * 3 + 1] = chapter.end;
		ranges[index * 3 + 2] = chapter.depth ?? 0;
		titles.push(chapter.title);
		at += chapter.title.length;
		titleEnds[index] = at;
		if (chapter.parts) parts.push([index, chapter.parts]);
	}

	const packedSections = new Int32Array(sections.length * 3);
	for (const [index, section] of sections.entries()) {
		packedSections[index * 3] = section.chapter;
		packedSections[index * 3 + 1] = section.start;
		packedSections[index * 3 + 2] = section.end;
	}

	const packed: PackedChapters = {
		ranges,
		// One string is cloned in one copy, and holds no slice of the file the titles came from.
		titles: titles.join(''),
		titleEnds,
		parts,
		sections: packedSections,
	};
	return packed;
}

/** The buffers to transfer with a packed outline, rather than copy. */
export function chapterTransfers(packed: PackedChapters): ArrayBuffer[] {
	return [
		packed.ranges.buffer as ArrayBuffer,
		packed.titleEnds.buffer as ArrayBuffer,
		packed.sections.buffer as ArrayBuffer,
	];
}

/** The chapters and sections again, as the work had them. */
export function unpackChapters(packed: PackedChapters): {chapters: Chapter[]; sections: Section[]} {
	const {ranges, titles, titleEnds} = packed;
	const chapters: Chapter[] = [];
	let from = 0;
	for (let index = 0; index < titleEnds.length; index++) {
		const chapter: Chapter = {
			title: titles.slice(from, titleEnds[index]),
			start: ranges[index * 3]!,
			end: ranges[index * 3 + 1]!,
		};
		const depth = ranges[index * 3 + 2]!;
		if (depth) chapter.depth = depth;
		chapters.push(chapter);
		from = titleEnds[index]!;
	}

	for (const [index, parts] of packed.parts) chapters[index]!.parts = parts;
	const sections: Section[] = [];
	for (let at = 0; at < packed.sections.length; at += 3) {
		sections.push({
			chapter: packed.sections[at]!,
			start: packed.sections[at + 1]!,
			end: packed.sections[at + 2]!,
		});
	}

	return {chapters, sections};
}
