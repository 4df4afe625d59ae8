// Reads an FB2 document in one SAX pass: its title-info, and each body as sections whose content is
// rewritten as HTML for the HTML block reader (verse, quotes, styles and notes are read there once).

import {boundedParser} from './bounded-parser.ts';
import {descriptionField, type Fb2Info} from './fb2-description.ts';

export type {Fb2Info} from './fb2-description.ts';

/** A stretch of one body: a section's own content, or what follows a nested section in its parent. */
export type Fb2Unit = {
	/** Titled sections around it, its own included. */
	depth: number;
	title: string;
	/** Sections open inside it: a part, not a chapter, when it has no text of its own. */
	hasChildren: boolean;
	/** The rest of a parent after a nested section closed. */
	continued: boolean;
	html: string[];
};

export type Fb2Body = {name: string; title: string; units: Fb2Unit[]};

export type Fb2Document = {info: Fb2Info; bodies: Fb2Body[]};

/** Sections nested deeper than this are read as part of the one around them. */
const maxSectionDepth = 32;
/** A title longer than these is calibre's (6.x, `--sectionize toc`): the chapter inside its title. */
const maxTitleParagraphs = 3;
const maxTitleChars = 80;

const elementHtml: Record<string, [string, string]> = {
	p: ['<p>', '</p>'],
	v: ['<p>', '</p>'],
	'text-author': ['<p>', '</p>'],
	date: ['<p>', '</p>'],
	subtitle: ['<p align="center">', '</p>'],
	emphasis: ['<em>', '</em>'],
	strong: ['<strong>', '</strong>'],
	strikethrough: ['<s>', '</s>'],
	poem: ['<div class="poem">', '</div>'],
	stanza: ['<div class="stanza">', '</div>'],
	epigraph: ['<blockquote class="epigraph">', '</blockquote>'],
	cite: ['<blockquote>', '</blockquote>'],
	annotation: ['<blockquote>', '</blockquote>'],
	table: ['<table>', '</table>'],
	tr: ['<tr>', '</tr>'],
	td: ['<td>', '</td>'],
	th: ['<th>', '</th>'],
};

const blockContainers = new Set(['body', 'section', 'poem', 'stanza', 'epigraph', 'cite', 'title']);

const escapeText = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replaceAll('"', '&quot;');
const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

type Open = {name: string; close: string};
type Section = {unit: Fb2Unit; titled: boolean};
type TitleCapture = {texts: string[]; starts: number[]; html: string[]; unit: Fb2Unit};

export function readFb2(xml: string): Fb2Document {
	const info: Fb2Info = {
		title: '',
		authors: [],
		genres: [],
		keywords: '',
		language: '',
		date: '',
		annotation: [],
		sourceUrl: '',
	};
	const bodies: Fb2Body[] = [];
	const stack: Open[] = [];
	const sections: Section[] = [];
	let body: Fb2Body | undefined;
	let unit: Fb2Unit | undefined;
	let title: TitleCapture | undefined;
	let bodyTitle: string | undefined;
	/** Description text being captured, and where it goes. */
	let field: ((text: string) => void) | undefined;
	let fieldText = '';
	let author: string[] | undefined;
	let inAnnotation = false;
	let skipDepth = 0;

	/** Open elements by name, so that asking what encloses the text costs nothing however deep it is. */
	const openCount = new Map<string, number>();
	const within = (name: string) => (openCount.get(name) ?? 0) > 0;
	const titledDepth = () => sections.filter((section) => section.titled).length;
	const out = (): string[] | undefined => {
		if (title) return title.html;
		if (inAnnotation) return info.annotation;
		if (!body) return undefined;
		if (!unit) {
			unit = {
				depth: titledDepth(),
				title: '',
				hasChildren: false,
				continued: sections.length > 0,
				html: [],
			};
			body.units.push(unit);
		}

		return unit.html;
	};

	const openSection = () => {
		const parent = sections.at(-1);
		if (parent) parent.unit.hasChildren = true;
		unit = {depth: titledDepth(), title: '', hasChildren: false, continued: false, html: []};
		body!.units.push(unit);
		sections.push({unit, titled: false});
	};

	const closeTitle = (capture: TitleCapture) => {
		const texts = capture.texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
		if (texts.length === 0) return;
		const section = sections.at(-1)!;
		section.titled = true;
		capture.unit.depth++;
		const long = texts.some((text) => text.length > maxTitleChars);
		if (texts.length > maxTitleParagraphs || long) {
			capture.unit.title = texts[0]!;
			// A loop, not a spread: a title may hold more paragraphs than a call takes arguments.
			for (const piece of capture.html.slice(capture.starts[1])) capture.unit.html.push(piece);
			return;
		}

		capture.unit.title = texts.reduce(
			(joined, text) => (joined ? `${joined}${/[.:!?]$/.test(joined) ? ' ' : ': '}${text}` : text),
			'',
		);
	};

	const {parser} = boundedParser(
		{
			onopentag(rawName, attributes) {
				const name = localName(rawName);
				if (skipDepth > 0 || name === 'binary') {
					skipDepth++;
					return;
				}

				const parent = stack.at(-1)?.name;
				let close = '';
				if (name === 'body') {
					body = {name: attributes['name'] ?? '', title: '', units: []};
					bodies.push(body);
					unit = undefined;
				} else if (body && name === 'section' && sections.length < maxSectionDepth) {
					openSection();
					close = 'section';
				} else if (body && name === 'title' && parent === 'section' && unit?.html.length === 0) {
					title = {texts: [], starts: [], html: [], unit};
					close = 'title';
				} else if (body && name === 'title' && parent === 'body') {
					bodyTitle = '';
					close = 'body-title';
				} else if (title && name === 'p' && parent === 'title') {
					title.texts.push('');
					title.starts.push(title.html.length);
					title.html.push('<p>');
					close = '</p>';
				} else if (!body && within('title-info') && name === 'author') {
					author = [];
				} else if (!body && name === 'annotation' && parent === 'title-info') {
					inAnnotation = true;
					close = 'annotation';
				} else if (!body && !inAnnotation && within('description')) {
					field = descriptionField(name, parent, info, author);
					fieldText = '';
					if (name === 'sequence' && parent === 'title-info' && attributes['name'])
						info.sequence = {name: attributes['name'], number: attributes['number'] ?? ''};
					if (name === 'date' && parent === 'title-info' && attributes['value'])
						info.date = attributes['value'];
				} else if (name === 'empty-line') {
					const inSection = !within('poem') && !within('epigraph') && !within('cite');
					out()?.push(inSection && !title ? '<hr/>' : '<p>&#160;</p>');
				} else if (name === 'image') {
					const alt = attributes['alt'] ?? attributes['title'] ?? '';
					out()?.push(`<img alt="${escapeAttribute(alt)}"/>`);
				} else if (name === 'a') {
					const note = attributes['type'] === 'note';
					out()?.push(note ? '<a class="noteref">' : '<span>');
					close = note ? '</a>' : '</span>';
				} else if (name === 'title' || (name === 'p' && parent === 'title')) {
					// A poem's, stanza's or epigraph's title: one heading, its paragraphs as lines.
					out()?.push(name === 'title' ? '<h5>' : '');
					close = name === 'title' ? '</h5>' : '<br/>';
				} else if (elementHtml[name]) {
					out()?.push(elementHtml[name][0]);
					close = elementHtml[name][1];
				}

				stack.push({name, close});
				openCount.set(name, (openCount.get(name) ?? 0) + 1);
			},
			ontext(data) {
				if (skipDepth > 0) return;
				// White space between blocks is markup, and would hide that a title comes first.
				if (blockContainers.has(stack.at(-1)?.name ?? '') && !/\S/.test(data)) return;
				if (field) fieldText += data;
				else if (bodyTitle !== undefined) bodyTitle += data;
				else {
					if (title && title.texts.length > 0 && stack.at(-1)?.name !== 'title')
						title.texts[title.texts.length - 1] += data;
					out()?.push(escapeText(data));
				}
			},
			onclosetag(rawName) {
				if (skipDepth > 0) {
					skipDepth--;
					return;
				}

				const name = localName(rawName);
				const index = stack.findLastIndex((open) => open.name === name);
				if (index === -1) return;
				// Elements left open inside this one close with it.
				while (stack.length > index) closeElement(stack.pop()!);
			},
		},
		{xmlMode: true, decodeEntities: true},
	);

	function closeElement(open: Open): void {
		openCount.set(open.name, openCount.get(open.name)! - 1);
		if (open.close === 'section') {
			sections.pop();
			unit = undefined;
		} else if (open.close === 'title' && title) {
			const capture = title;
			title = undefined;
			closeTitle(capture);
		} else if (open.close === 'body-title') {
			if (body) body.title = (bodyTitle ?? '').replace(/\s+/g, ' ').trim();
			bodyTitle = undefined;
		} else if (open.close === 'annotation') {
			inAnnotation = false;
		} else if (open.name === 'author' && author) {
			if (within('title-info') && !within('translator')) {
				const name = author.filter(Boolean).join(' ');
				if (name) info.authors.push(name);
			}

			author = undefined;
		} else if (field) {
			field(fieldText.replace(/\s+/g, ' ').trim());
			field = undefined;
		} else if (open.close) {
			out()?.push(open.close);
		}
	}

	parser.write(xml);
	parser.end();
	return {info, bodies};
}
