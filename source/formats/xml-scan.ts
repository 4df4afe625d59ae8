// Reads an XML part of an EPUB (OPF, NCX, nav, container) into the events htmlparser2 gives in XML
// mode, in one pass that skips text, quoted values and comments with indexOf: a 2,000-item package
// costs a millisecond here against 40 ms in the general parser before it warms up.

import {maxParserDepth} from './bounded-parser.ts';

export type XmlHandler = {
	onopentag?: (name: string, attributes: Record<string, string>) => void;
	ontext?: (text: string) => void;
	/** Every element opened is closed once: by its end tag, by an outer one's, or at the end. */
	onclosetag?: (name: string) => void;
};

const entity = /&(?:#(\d+)|#[xX]([\dA-Fa-f]+)|(amp|lt|gt|quot|apos));/g;
const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};

function codePoint(value: number): string {
	const invalid = value === 0 || (value >= 0xd8_00 && value <= 0xdf_ff) || value > 0x10_ff_ff;
	return String.fromCodePoint(invalid ? 0xff_fd : value);
}

/** XML's five named entities and numeric references, each ended by a semicolon; others stay as written. */
export function decodeXmlEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(entity, (_, decimal?: string, hex?: string, name?: string) =>
		name ? named[name]! : codePoint(decimal ? Number(decimal) : Number.parseInt(hex!, 16)),
	);
}

const isSpace = (code: number) =>
	code === 32 || code === 10 || code === 9 || code === 12 || code === 13;
/** Ends a tag's or an attribute's name: whitespace, `/` or `>`. */
const endsName = (code: number) => code === 47 || code === 62 || isSpace(code);

/** Where the first of several markers occurs at or after `from`, and which; -1 if none does. */
function firstOf(text: string, from: number, markers: string[]): [number, string] {
	let best = -1;
	let found = '';
	for (const marker of markers) {
		const at = text.indexOf(marker, from);
		if (at !== -1 && (best === -1 || at < best)) [best, found] = [at, marker];
	}

	return [best, found];
}

/**
 * Calls the handler as htmlparser2's Parser does with `{xmlMode: true, decodeEntities: true}`
 * through boundedParser: names as written, the first of repeated attributes, CDATA as text,
 * comments, declarations and processing instructions left out, no element deeper than 512.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
	/** Open elements, innermost last; an element too deep is not opened at all. */
	const stack: string[] = [];
	const text = (data: string) => {
		if (data) handler.ontext?.(data);
	};

	// The name is popped before the call: `handler.onclosetag?.(stack.pop())` pops nothing without a handler.
	const closed = (name: string) => handler.onclosetag?.(name);
	const close = (name: string) => {
		const at = stack.lastIndexOf(name);
		if (at === -1) return;
		while (stack.length > at) closed(stack.pop()!);
	};

	const {length} = xml;
	let at = 0;
	while (at < length) {
		const lt = xml.indexOf('<', at);
		if (lt === -1) break;
		text(decodeXmlEntities(xml.slice(at, lt)));
		const next = xml.charCodeAt(lt + 1);
		if (lt + 1 >= length) {
			at = lt;
			break;
		}

		if (next === 33 /* ! */) {
			const end = markupEnd(xml, lt, text);
			if (end === -1) return finish();
			at = end;
		} else if (next === 63 /* ? */) {
			const end = xml.indexOf('?>', lt + 2);
			if (end === -1) {
				text(xml.slice(lt + 2));
				return finish();
			}

			at = end + 2;
		} else if (next === 47 /* / */) {
			const end = closingTag(xml, lt, close, text);
			if (end === -1) return finish();
			at = end;
		} else if (endsName(next)) {
			// `<` before whitespace or `>` is text.
			const after = xml.indexOf('<', lt + 1);
			text(decodeXmlEntities(xml.slice(lt, after === -1 ? length : after)));
			at = after === -1 ? length : after;
		} else {
			const end = openingTag(xml, lt, stack, handler, text);
			if (end === -1) return finish();
			at = end;
		}
	}

	if (at < length) text(decodeXmlEntities(xml.slice(at)));
	return finish();

	function finish() {
		while (stack.length > 0) closed(stack.pop()!);
	}
}

/**
 * After `<!`: a comment, CDATA (given as text) or a declaration. Returns where text resumes,
 * or -1 at the end of the file (what an unfinished CDATA or declaration holds is text).
 */
function markupEnd(xml: string, lt: number, text: (data: string) => void): number {
	if (xml.startsWith('<!--', lt)) {
		const [end, marker] = firstOf(xml, lt + 4, ['-->', '--!>']);
		return end === -1 ? -1 : end + marker.length;
	}

	if (xml.startsWith('<![CDATA[', lt)) {
		const end = xml.indexOf(']]>', lt + 9);
		text(xml.slice(lt + 9, end === -1 ? xml.length : end));
		return end === -1 ? -1 : end + 3;
	}

	// A declaration runs to the next `>`, not counting the character after `<!` (or `<!-`).
	const skip = xml.startsWith('<!-', lt) || xml.startsWith('<![', lt) ? 3 : 2;
	const cdataMismatch = xml.startsWith('<![', lt) ? cdataPrefix(xml, lt) : -1;
	const from = cdataMismatch === -1 ? lt + skip + 1 : cdataMismatch;
	const end = xml.indexOf('>', Math.min(from, xml.length));
	if (end === -1) {
		if (lt + 2 < xml.length) text(xml.slice(lt + 2));
		return -1;
	}

	return end + 1;
}

/** Where `<![CDATA[` stops matching: the character reread as part of the declaration. */
function cdataPrefix(xml: string, lt: number): number {
	const wanted = '<![CDATA[';
	let at = lt + 3;
	while (at < xml.length && at < lt + wanted.length && xml[at] === wanted[at - lt]) at++;
	return at;
}

/**
 * A closing tag: closes its element. Returns the index after it, where `</>` is text (the text
 * that follows it then starts at its `<`), or -1 at the end of the file.
 */
function closingTag(
	xml: string,
	lt: number,
	close: (name: string) => void,
	text: (data: string) => void,
): number {
	let at = lt + 2;
	while (at < xml.length && isSpace(xml.charCodeAt(at))) at++;
	if (at >= xml.length) {
		text(xml.slice(lt));
		return -1;
	}

	const first = xml.charCodeAt(at);
	if (first === 62 /* > */) {
		const after = xml.indexOf('<', at);
		text(decodeXmlEntities(xml.slice(lt, after === -1 ? xml.length : after)));
		return after === -1 ? xml.length : after;
	}

	if (first === 47 /* / */) {
		// `<//…>` is a comment up to the next `>`; unfinished, it is text from its second `/`.
		const end = xml.indexOf('>', at);
		if (end === -1) text(xml.slice(at));
		return end === -1 ? -1 : end + 1;
	}

	const start = at;
	while (at < xml.length && !endsName(xml.charCodeAt(at))) at++;
	if (at >= xml.length) return -1;
	close(xml.slice(start, at));
	const end = xml.indexOf('>', at);
	// htmlparser2 gives the last character of such a file as text; so does this.
	if (end === -1) text(xml.slice(-1));
	return end === -1 ? -1 : end + 1;
}

/**
 * An opening tag with its attributes: opened (and closed at once if it ends with `/>`), unless
 * the stack is full. Returns the index after it, or -1 if the file ends inside it. A loop over
 * characters, not a regular expression: cold, V8 runs this loop several times faster.
 */
function openingTag(
	xml: string,
	lt: number,
	stack: string[],
	handler: XmlHandler,
	text: (data: string) => void,
): number {
	const {length} = xml;
	let at = lt + 1;
	while (at < length && !endsName(xml.charCodeAt(at))) at++;
	if (at >= length) return -1;
	const name = xml.slice(lt + 1, at);
	const opened = stack.length < maxParserDepth;
	if (opened) stack.push(name);
	const attributes: Record<string, string> = {};
	for (;;) {
		while (at < length && isSpace(xml.charCodeAt(at))) at++;
		if (at >= length) return -1;
		let code = xml.charCodeAt(at);
		if (code === 62 /* > */) {
			if (opened) handler.onopentag?.(name, attributes);
			return at + 1;
		}

		if (code === 47 /* / */) {
			at++;
			while (at < length && isSpace(xml.charCodeAt(at))) at++;
			if (at >= length) {
				// As htmlparser2 does, the last character of a file that ends here is text.
				text(xml.slice(-1));
				return -1;
			}

			if (xml.charCodeAt(at) !== 62) continue;
			if (opened) {
				handler.onopentag?.(name, attributes);
				if (stack.at(-1) === name) {
					stack.pop();
					handler.onclosetag?.(name);
				}
			}

			return at + 1;
		}

		// An attribute's name runs to `=`, whitespace, `/` or `>`; the first of a repeated one counts.
		const start = at;
		while (at < length && !endsName((code = xml.charCodeAt(at))) && code !== 61) at++;
		if (at >= length) return -1;
		const key = xml.slice(start, at);
		while (at < length && isSpace(xml.charCodeAt(at))) at++;
		if (at >= length) return -1;
		let value = '';
		if (xml.charCodeAt(at) === 61 /* = */) {
			at++;
			while (at < length && isSpace(xml.charCodeAt(at))) at++;
			if (at >= length) return -1;
			code = xml.charCodeAt(at);
			if (code === 34 || code === 39) {
				const end = xml.indexOf(code === 34 ? '"' : "'", at + 1);
				if (end === -1) return -1;
				value = xml.slice(at + 1, end);
				at = end + 1;
			} else {
				// An unquoted value runs to whitespace or `>`; a `/` belongs to it.
				const valueStart = at;
				while (at < length && !isSpace((code = xml.charCodeAt(at))) && code !== 62) at++;
				if (at >= length) return -1;
				value = xml.slice(valueStart, at);
			}
		}

		if (!Object.hasOwn(attributes, key)) attributes[key] = decodeXmlEntities(value);
	}
}
