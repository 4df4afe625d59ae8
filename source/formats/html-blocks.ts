// Streams HTML into blocks (paragraphs, headings, quotes, list items, breaks) with inline styles.
// A SAX parser keeps memory flat and never recurses, so deeply nested or huge files are safe.

import {Parser} from 'htmlparser2';
import type {DraftBlock} from '../work/draft.ts';
import type {InlineStyle, StyleRun} from '../work/types.ts';

export type Element = {
	tag: string;
	id: string;
	classes: string[];
	attributes: Record<string, string>;
};

export type HtmlBlock = DraftBlock & {
	/** The open elements around the block when it began, outermost first. */
	ancestors: readonly Element[];
	/** Heading level 1–6, for headings. */
	level?: number;
	/** Link targets inside the block. */
	links: string[];
	/** The element that made the block (p, div, h2, li, dt, …), if any. */
	tag: string;
	element?: Element;
};

const blockTags = new Set([
	'p',
	'div',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'blockquote',
	'li',
	'dt',
	'dd',
	'center',
	'pre',
	'tr',
	'td',
	'th',
	'section',
	'article',
	'header',
	'footer',
	'figure',
	'figcaption',
	'details',
	'summary',
	'table',
	'ul',
	'ol',
	'dl',
	'body',
	'html',
	'main',
	'aside',
	'nav',
	'address',
	'caption',
]);
const skippedTags = new Set([
	'script',
	'style',
	'head',
	'template',
	'noscript',
	'svg',
	'math',
	'rp',
]);
const voidTags = new Set([
	'br',
	'hr',
	'img',
	'meta',
	'link',
	'input',
	'wbr',
	'col',
	'area',
	'base',
	'source',
]);
const inlineStyles: Record<string, InlineStyle> = {
	em: 'italic',
	i: 'italic',
	cite: 'italic',
	var: 'italic',
	dfn: 'italic',
	strong: 'bold',
	b: 'bold',
	u: 'underline',
	ins: 'underline',
	s: 'strike',
	strike: 'strike',
	del: 'strike',
};
/** Deeper elements than this are read as plain text, so hostile nesting costs nothing. */
const maxDepth = 200;

export type HtmlOptions = {
	/** Elements to leave out with everything inside them (AO3's hidden .toc-heading). */
	skip?: (element: Element) => boolean;
	/** Called with the document's <title>. */
	onTitle?: (title: string) => void;
};

function isCentred(element: Element): boolean {
	return (
		element.tag === 'center' ||
		element.attributes['align']?.toLowerCase() === 'center' ||
		/text-align\s*:\s*center/i.test(element.attributes['style'] ?? '')
	);
}

export function htmlBlocks(
	html: string,
	onBlock: (block: HtmlBlock) => void,
	options: HtmlOptions = {},
): void {
	const stack: Element[] = [];
	let skipDepth = 0;
	let preDepth = 0;
	let titleText: string | undefined;
	let text = '';
	let runs: StyleRun[] = [];
	let openRuns: Array<{style: InlineStyle; start: number; tag: string}> = [];
	let links: string[] = [];
	let blockElement: Element | undefined;
	let blockAncestors: readonly Element[] = [];
	let snapshot: readonly Element[] = [];
	const centred = new WeakSet<Element>();
	let ignoredDepth = 0;
	const listCounters: number[] = [];

	const flush = () => {
		for (const run of openRuns) {
			if (text.length > run.start)
				runs.push({start: run.start, end: text.length, style: run.style});
			run.start = 0;
		}

		// Ideographic and other wide spaces at the ends are trimmed too; a no-break space is kept (spacers).
		const leading = /^[ \n\u3000\u2000-\u200A]/.test(text)
			? text.length - text.replace(/^[ \n\u3000\u2000-\u200A]+/, '').length
			: 0;
		let body = leading > 0 ? text.slice(leading) : text;
		if (/[ \n\u3000\u2000-\u200A]$/.test(body))
			body = body.replace(/[ \n\u3000\u2000-\u200A]+$/, '');
		if (body.includes('\n')) body = body.replace(/ *\n */g, '\n');
		if (!body.trim()) body = text.replace(/[ \n]/g, '');
		const element = blockElement;
		const ancestors = blockAncestors;
		const blockLinks = links;
		text = '';
		const blockRuns = runs;
		runs = [];
		openRuns = openRuns.map((run) => ({...run, start: 0}));
		links = [];
		blockElement = undefined;
		if (!body) return;
		if (/^[\u00A0\s]+$/.test(body)) {
			onBlock({kind: 'spacer', text: '', ancestors, links: [], tag: element?.tag ?? 'p'});
			return;
		}

		const collapsedOffset = (offset: number) =>
			Math.max(0, Math.min(body.length, offset - leading));
		const styles = blockRuns
			.map((run) => ({
				start: collapsedOffset(run.start),
				end: collapsedOffset(run.end),
				style: run.style,
			}))
			.filter((run) => run.end > run.start);
		const tag = element?.tag ?? 'p';
		const heading = /^h([1-6])$/.exec(tag);
		const inQuote = ancestors.some((ancestor) => ancestor.tag === 'blockquote');
		const block: HtmlBlock = {
			kind: heading ? 'heading' : tag === 'li' ? 'list-item' : inQuote ? 'quote' : 'paragraph',
			text: body,
			ancestors,
			links: blockLinks,
			tag,
		};
		if (element) block.element = element;
		if (heading) block.level = Number(heading[1]);
		if (styles.length > 0) block.styles = styles;
		if (
			heading ||
			(element && isCentred(element)) ||
			ancestors.some((ancestor) => centred.has(ancestor))
		)
			block.center = true;
		onBlock(block);
	};

	const startBlock = (element: Element) => {
		flush();
		blockElement = element;
		// Blocks in the same container share one snapshot of their ancestors.
		const depth = stack.length - 1;
		let same = snapshot.length === depth;
		for (let index = 0; same && index < depth; index++) same = snapshot[index] === stack[index];
		if (!same) snapshot = stack.slice(0, -1);

		blockAncestors = snapshot;
	};

	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (skipDepth > 0) {
					if (!voidTags.has(name)) skipDepth++;
					return;
				}

				if (name === 'title' && stack.some((element) => element.tag === 'head')) titleText = '';
				const element: Element = {
					tag: name,
					id: attributes['id'] ?? '',
					classes: (attributes['class'] ?? '').split(/\s+/).filter(Boolean),
					attributes,
				};
				if (skippedTags.has(name) || options.skip?.(element)) {
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
					text += '\n';
					return;
				}

				if (name === 'hr') {
					flush();
					onBlock({
						kind: 'break',
						text: '',
						center: true,
						ancestors: stack.slice(),
						links: [],
						tag: 'hr',
					});
					return;
				}

				if (name === 'img') {
					const alt = (attributes['alt'] ?? '').trim();
					text += alt ? `[image: ${alt}]` : '[image]';
					return;
				}

				if (voidTags.has(name)) return;
				stack.push(element);
				if (isCentred(element)) centred.add(element);
				if (name === 'pre') preDepth++;
				if (name === 'ol' || name === 'ul') listCounters.push(name === 'ol' ? 0 : -1);
				if (blockTags.has(name)) {
					startBlock(element);
					if (name === 'li' && listCounters.length > 0) {
						const counter = listCounters.at(-1)!;
						if (counter >= 0) listCounters[listCounters.length - 1] = counter + 1;
						text += counter >= 0 ? `${counter + 1}. ` : '• ';
					}
				}

				const style = inlineStyles[name];
				if (style) openRuns.push({style, start: text.length, tag: name});
				if (name === 'a' && attributes['href']) links.push(attributes['href']);
				if (name === 'rt') text += '(';
			},
			ontext(data) {
				if (titleText !== undefined) {
					titleText += data;
					return;
				}

				if (skipDepth > 0) return;
				if (preDepth > 0) {
					text += data.replace(/\r\n?/g, '\n');
					return;
				}

				// Collapse white space as a browser does, across text nodes too, without re-slicing the block.
				let chunk = /[\t\n\r\f]| {2}/.test(data) ? data.replace(/[ \t\n\r\f]+/g, ' ') : data;
				if (chunk.charCodeAt(0) === 32) {
					const last = text.charCodeAt(text.length - 1);
					if (text.length === 0 || last === 32 || last === 10) chunk = chunk.slice(1);
				}

				text += chunk;
			},
			onclosetag(name) {
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
				if (name === 'rt') text += ')';
				const style = inlineStyles[name];
				if (style) {
					const at = openRuns.findLastIndex((run) => run.tag === name);
					if (at !== -1) {
						const [run] = openRuns.splice(at, 1);
						if (text.length > run!.start)
							runs.push({start: run!.start, end: text.length, style: run!.style});
					}
				}

				if (blockTags.has(name)) flush();
				if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
				if (name === 'ol' || name === 'ul') listCounters.pop();
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
}

export function hasClass(element: Element, prefix: string): boolean {
	return element.classes.some(
		(name) =>
			name === prefix || (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))),
	);
}

/** The parts of an HTML block that the Work keeps. */
export function draftBlock(block: HtmlBlock): DraftBlock {
	const result: DraftBlock = {kind: block.kind, text: block.text};
	if (block.styles) result.styles = block.styles;
	if (block.center) result.center = true;
	return result;
}
