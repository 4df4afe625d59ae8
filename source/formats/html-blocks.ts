// Streams HTML into blocks (paragraphs, headings, quotes, list items, verse, breaks) with inline styles.
// A SAX parser keeps memory flat and never recurses, so deeply nested or huge files are safe.

import type {DraftBlock} from '../work/draft.ts';
import type {BlockXPath} from '../work/types.ts';
import {boundedParser} from './bounded-parser.ts';
import {BlockTextBuilder} from './html-block-text.ts';
import {ElementPaths} from './html-element-paths.ts';
import {HtmlLists} from './html-lists.ts';
import {
	blockTags,
	directionWithin,
	type Element,
	inlineStyles,
	isCentred,
	isLineNumber,
	isNoteReference,
	isPageMarker,
	isVerseGroup,
	skippedTags,
	verseIndent,
	voidTags,
} from './html-elements.ts';

export {hasClass, type Element} from './html-elements.ts';

export type HtmlBlock = DraftBlock & {
	/** The open elements around the block when it began, outermost first. */
	ancestors: readonly Element[];
	/** Heading level 1–6, for headings. */
	level?: number;
	/** A list item's nesting: 1 inside a top-level item, and so on (Block's `level`). */
	listLevel?: number;
	/** Link targets inside the block. */
	links: string[];
	/** Ids of the elements that begin at this block (chapter starts that point into a document). */
	ids: string[];
	/** The element that made the block (p, div, h2, li, dt, …), if any. */
	tag: string;
	element?: Element;
};

/** Deeper elements than this are read as plain text, so hostile nesting costs nothing. */
const maxDepth = 200;

export type HtmlOptions = {
	/** Elements to leave out with everything inside them (AO3's hidden .toc-heading). */
	skip?: (element: Element) => boolean;
	/** Called with the document's <title>. */
	onTitle?: (title: string) => void;
	/** An EPUB document's `/body[1]/DocFragment[N]`: blocks then carry their element's number. */
	xpathRoot?: string;
	/** With `xpathRoot`: each block element's XPointer path, by its order in the document, instead. */
	onElementPath?: (order: number, path: BlockXPath) => void;
};

/** Reads HTML into blocks; returns how many start tags were left out for nesting too deep. */
export function htmlBlocks(
	html: string,
	onBlock: (block: HtmlBlock) => void,
	options: HtmlOptions = {},
): number {
	const stack: Element[] = [];
	let skipDepth = 0;
	let preDepth = 0;
	/** The stack depth of the outermost verse group being read; its lines are read as lines. */
	let verseDepth = 0;
	/** The indent each open element of a verse group gives its lines. */
	const verseIndents: number[] = [];
	let titleText: string | undefined;
	const text = new BlockTextBuilder();
	let blockElement: Element | undefined;
	let blockAncestors: readonly Element[] = [];
	let snapshot: readonly Element[] = [];
	const centred = new WeakSet<Element>();
	let ignoredDepth = 0;
	const lists = new HtmlLists();
	const emit = (block: HtmlBlock) => {
		lists.place(block);
		onBlock(block);
	};
	const paths = options.xpathRoot
		? new ElementPaths(options.xpathRoot, () => text.length, options.onElementPath)
		: undefined;

	const flush = () => {
		const element = blockElement;
		const code = paths?.endBlock();
		const ancestors = blockAncestors;
		const tag = element?.tag ?? 'p';
		const {body, styles, ruby, links, ids} = text.take(
			preDepth > 0 || verseDepth > 0 || tag === 'pre',
		);
		blockElement = undefined;
		if (!body) return;
		if (/^[\u00A0\s]+$/.test(body)) {
			emit({kind: 'spacer', text: '', ancestors, links: [], ids, tag});
			return;
		}

		const heading = /^h([1-6])$/.exec(tag);
		const inQuote = ancestors.some((ancestor) => ancestor.tag === 'blockquote');
		const block: HtmlBlock = {
			kind: heading ? 'heading' : tag === 'li' ? 'list-item' : inQuote ? 'quote' : 'paragraph',
			text: body,
			ancestors,
			links,
			ids,
			tag,
		};
		if (element) block.element = element;
		if (code !== undefined) block.epubElement = code;
		if (heading) block.level = Number(heading[1]);
		if (styles.length > 0) block.styles = styles;
		if (ruby.length > 0) block.ruby = ruby;
		const direction = directionWithin(element, ancestors);
		if (direction) block.direction = direction;
		if (
			heading ||
			(element && isCentred(element)) ||
			ancestors.some((ancestor) => centred.has(ancestor))
		)
			block.center = true;
		emit(block);
	};

	const startBlock = (element: Element) => {
		flush();
		blockElement = element;
		paths?.beginBlock();
		// Blocks in the same container share one snapshot of their ancestors.
		const depth = stack.length - 1;
		let same = snapshot.length === depth;
		for (let index = 0; same && index < depth; index++) same = snapshot[index] === stack[index];
		if (!same) snapshot = stack.slice(0, -1);

		blockAncestors = snapshot;
	};

	const {parser, dropped} = boundedParser(
		{
			onopentag(name, attributes) {
				paths?.open(name);
				if (skipDepth > 0) {
					if (!voidTags.has(name)) skipDepth++;
					return;
				}

				if (name === 'title' && stack.some((element) => element.tag === 'head')) titleText = '';
				const element: Element = {
					tag: name,
					id: attributes['id'] ?? '',
					classes: attributes['class'] ? attributes['class'].split(/\s+/).filter(Boolean) : [],
					attributes,
				};
				if (skippedTags.has(name) || isPageMarker(element) || options.skip?.(element)) {
					if (name === 'head') {
						stack.push(element);
						return;
					}

					if (!voidTags.has(name)) skipDepth = 1;
					return;
				}

				if (stack.length >= maxDepth && !voidTags.has(name)) {
					ignoredDepth++;
					return;
				}

				if (name === 'br') {
					text.lineBreak();
					return;
				}

				if (name === 'hr') {
					flush();
					emit({
						kind: 'break',
						text: '',
						center: true,
						ancestors: stack.slice(),
						links: [],
						ids: [],
						tag: 'hr',
					});
					return;
				}

				if (name === 'img') {
					const alt = (attributes['alt'] ?? '').trim();
					text.appendOwn(alt ? `[image: ${alt}]` : '[image]');
					return;
				}

				if (voidTags.has(name)) return;
				stack.push(element);
				if (isCentred(element)) centred.add(element);
				if (name === 'pre') preDepth++;
				lists.open(element);
				const verse = isVerseGroup(element);
				if (verse) {
					// A group inside a group is a stanza of its poem: a block of its own.
					startBlock(element);
					if (verseDepth === 0) verseDepth = stack.length;
					verseIndents.push(verseIndent(element));
					text.indentLine(verseIndents.reduce((sum, columns) => sum + columns, 0));
				} else if (verseDepth > 0 && blockTags.has(name) && !/^h[1-6]$/.test(name)) {
					if (text.lineHasText) text.lineBreak();
					verseIndents.push(verseIndent(element) || (name === 'blockquote' ? 4 : 0));
					text.indentLine(verseIndents.reduce((sum, columns) => sum + columns, 0));
				} else if (blockTags.has(name)) {
					startBlock(element);
					const marker = name === 'li' ? lists.marker() : undefined;
					if (marker) text.appendOwn(marker);
				}

				if (element.id) text.id(element.id);
				const style = inlineStyles[name];
				if (style) text.openStyle(name, style);
				if (name === 'a' && attributes['href']) text.link(attributes['href']);
				if (name === 'ruby') text.openRuby();
				if (name === 'rt') text.openReading();
				if (isNoteReference(element)) text.openNoteReference();
				if (isLineNumber(element)) text.gap();
			},
			ontext(data) {
				if (titleText !== undefined) {
					titleText += data;
					return;
				}

				if (skipDepth > 0) return;
				paths?.text(data);
				if (preDepth > 0) text.appendPreformatted(data);
				else text.append(data);
			},
			onclosetag(name) {
				paths?.close(name);
				if (name === 'title' && titleText !== undefined) {
					options.onTitle?.(titleText.replace(/\s+/g, ' ').trim());
					titleText = undefined;
					return;
				}

				if (skipDepth > 0) {
					if (!voidTags.has(name)) skipDepth--;
					if (skipDepth === 0 && name === 'head') stack.pop();
					return;
				}

				if (voidTags.has(name)) return;
				if (ignoredDepth > 0) {
					ignoredDepth--;
					return;
				}

				const index = stack.findLastIndex((element) => element.tag === name);
				if (index === -1) return;
				const element = stack[index]!;
				if (name === 'rt') text.closeReading();
				if (name === 'ruby') text.closeRuby();
				if (isNoteReference(element)) text.closeNoteReference();
				if (isLineNumber(element)) text.gap();
				if (inlineStyles[name]) text.closeStyle(name);
				if (isVerseGroup(element)) {
					flush();
					verseIndents.pop();
					if (index + 1 === verseDepth) verseDepth = 0;
				} else if (verseDepth > 0 && blockTags.has(name) && !/^h[1-6]$/.test(name)) {
					if (text.lineHasText) text.lineBreak();
					verseIndents.pop();
				} else if (blockTags.has(name)) {
					flush();
				}

				if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
				lists.close(name);
				stack.length = index;
			},
		},
		{
			decodeEntities: true,
			lowerCaseTags: true,
			lowerCaseAttributeNames: true,
			recognizeSelfClosing: true,
		},
	);
	parser.write(html);
	parser.end();
	flush();
	return dropped();
}
