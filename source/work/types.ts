// The Work model: every format adapter produces this, every other part of ficterm reads it.

export type Format =
	| 'ao3-html'
	| 'ao3-epub'
	| 'ao3-text'
	| 'fff-txt'
	| 'fff-html'
	| 'fff-epub'
	| 'epub'
	| 'html'
	| 'text'
	| 'markdown'
	| 'fb2'
	| 'mobi'
	| 'azw3'
	| 'pdf';

export type InlineStyle = 'italic' | 'bold' | 'underline' | 'strike' | 'code';

/** A styled stretch of a block's text, by character offsets. */
export type StyleRun = {start: number; end: number; style: InlineStyle};

/** A ruby reading (furigana) over the base `text.slice(start, end)`; the reading is not in `text`. */
export type RubyRun = {start: number; end: number; reading: string};

export const blockKinds = [
	'paragraph',
	'heading',
	'break',
	'spacer',
	'quote',
	'label',
	'list-item',
] as const;

export type BlockKind = (typeof blockKinds)[number];

/** Which part of the work a block belongs to; only `story` counts as the work's words. */
export const blockParts = ['front', 'story', 'note'] as const;

export type BlockPart = (typeof blockParts)[number];

/** An element of an EPUB document as a chain up to its DocFragment; blocks share their ancestors. */
export type ElementNode = {parent?: ElementNode; step: string};

/**
 * Where a block from an EPUB sits in its document, as KOReader's XPointers name it: the block's
 * element (`/body[1]/DocFragment[3]/body[1]/p[4]`), and its first text node below that element
 * (`/i[1]/text()[1]`) with the stretch of the block's text that node holds.
 */
export type BlockXPath = {element: ElementNode; text?: string; start: number; end: number};

export type Block = {
	kind: BlockKind;
	part: BlockPart;
	text: string;
	styles?: StyleRun[];
	/** Readings shown after their base text, or not at all; never counted as words. */
	ruby?: RubyRun[];
	center?: boolean;
	/** Right-to-left text (Hebrew, Arabic) is aligned to the right; unset, the text itself tells. */
	direction?: 'rtl' | 'ltr';
	/** A list item's nesting: 1 for an item inside a top-level item, and so on; unset at the top. */
	level?: number;
	/** Set on the pieces of an over-long paragraph after the first: no gap above them. */
	continued?: boolean;
	/** Hidden until the reader asks (the front page's additional tags: they can be spoilers). */
	folded?: boolean;
	/**
	 * Which element of an EPUB document the block came from (`elementCode`: the document and the
	 * element's order); its XPointer path is found from this when sync needs it, never kept.
	 */
	epubElement?: number;
};

export type Range = {start: number; end: number};

/** A heading in nested contents that groups the chapters after it (a book's part, an author). */
export type ChapterPart = {title: string; depth: number};

export type Chapter = Range & {
	title: string;
	/** How deep the chapter sits in nested contents: 0 at the top. */
	depth?: number;
	/** The parts that open just before this chapter, outermost first. */
	parts?: ChapterPart[];
};

/** The text between two scene breaks or chapter starts; `start` is its first block. */
export type Section = Range & {chapter: number};

export type WorkMeta = {
	title: string;
	authors: string[];
	rating?: string;
	warnings: string[];
	categories: string[];
	fandoms: string[];
	relationships: string[];
	characters: string[];
	tags: string[];
	language?: string;
	series?: string;
	published?: string;
	updated?: string;
	completed?: string;
	words?: number;
	chapterCount?: string;
	sourceUrl?: string;
	ao3Id?: string;
};

export type Work = {
	id: string;
	format: Format;
	meta: WorkMeta;
	summary: string;
	notes: string;
	endNotes: string;
	blocks: Block[];
	chapters: Chapter[];
	sections: Section[];
	/** The front page (title, tags, summary, notes) before the first chapter, if any. */
	front?: Range;
	/** The work's end notes (an afterword, a licence) after the last chapter's own text, if any. */
	back?: Range;
	/** charsBefore[i] = characters in blocks 0..i-1; length blocks.length + 1. */
	charsBefore: Float64Array;
	/** wordsBefore[i] = story words in blocks 0..i-1; length blocks.length + 1. */
	wordsBefore: Float64Array;
	warnings: string[];
	/** Only the start of a large work, shown while the rest is read. */
	partial?: boolean;
};

export function emptyMeta(title = ''): WorkMeta {
	return {
		title,
		authors: [],
		warnings: [],
		categories: [],
		fandoms: [],
		relationships: [],
		characters: [],
		tags: [],
	};
}
