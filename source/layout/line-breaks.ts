// Where a line of text may break (spaces; CJK by kinsoku rules; never in a kept span), and the greedy fill.

import stringWidth from 'string-width';

/**
 * Characters that never start a line (JIS X 4051's closing brackets, stops, small kana and
 * iteration marks, as CSS `line-break: strict` keeps them), and characters that never end one.
 */
const noStart = new Set(
	'、。，．・：；？！‼⁇⁈⁉゛゜ヽヾゝゞ々〻ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ）］｝〕〉》」』】〙〗〟’”｠»›〜～゠‐,.:;?!)]}%',
);
const noEnd = new Set('（［｛〔〈《「『【〘〖〝‘“｟«‹([{');
/** Dashes and leaders that a line never splits when they come in pairs (——, ……). */
const doubled = new Set('—―…‥');

/** Scripts written without spaces, where a line may break between any two characters. */
function breaksAnywhere(code: number): boolean {
	return (
		(code >= 0x2e80 && code <= 0x9fff) ||
		(code >= 0x1100 && code <= 0x11ff) ||
		(code >= 0xa000 && code <= 0xa4cf) ||
		(code >= 0xac00 && code <= 0xd7af) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xffef) ||
		(code >= 0x20000 && code <= 0x3ffff)
	);
}

/** Columns of one code point where that is certain without string-width; -1 when it is not. */
function simpleWidth(code: number): number {
	if (code >= 0x20 && code <= 0x7e) return 1;
	if (
		(code >= 0x3000 && code <= 0x3029) ||
		(code >= 0x3030 && code <= 0x303e) ||
		(code >= 0x3041 && code <= 0x3096) ||
		(code >= 0x309b && code <= 0x30ff) ||
		(code >= 0x3400 && code <= 0x4dbf) ||
		(code >= 0x4e00 && code <= 0x9fff) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xff01 && code <= 0xff60)
	)
		return 2;
	if (
		(code >= 0xa0 && code <= 0x2ff && code !== 0xad) ||
		(code >= 0x370 && code <= 0x482) ||
		(code >= 0x5d0 && code <= 0x5ea) ||
		(code >= 0x620 && code <= 0x64a) ||
		(code >= 0x2010 && code <= 0x2027) ||
		(code >= 0x2030 && code <= 0x205e)
	)
		return 1;
	return -1;
}

/** Display columns of a stretch of text: the common scripts by table, anything else by string-width. */
export function textWidth(text: string, start = 0, end = text.length): number {
	let width = 0;
	for (let index = start; index < end; index++) {
		const columns = simpleWidth(text.charCodeAt(index));
		if (columns < 0) return stringWidth(text.slice(start, end));
		width += columns;
	}

	return width;
}

/**
 * Whether a line written mostly without spaces breaks between its CJK characters; text that
 * mostly uses spaces (Latin with a Japanese word in it, Korean) keeps its words whole, as CSS
 * `word-break: keep-all` does.
 */
function breaksBetweenCharacters(text: string): boolean {
	let spaces = 0;
	let characters = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 32) spaces++;
		else if (breaksAnywhere(code)) characters++;
	}

	return characters > 4 * spaces;
}

/** Whether a line may start at `index` (between the characters before and at it). */
function mayBreakBefore(text: string, index: number, anywhere: boolean): boolean {
	const before = text.charCodeAt(index - 1);
	const at = text.charCodeAt(index);
	if (at === 32) return false;
	if (before === 32) return true;
	if (!anywhere || (!breaksAnywhere(before) && !breaksAnywhere(at))) return false;
	// The second half of a surrogate pair is never a place to break.
	if (at >= 0xdc00 && at <= 0xdfff) return false;
	const previous = text[index - 1]!;
	const next = text[index]!;
	if (noStart.has(next) || noEnd.has(previous)) return false;
	return !(doubled.has(next) && next === previous);
}

export type Piece = {start: number; end: number; width: number};

/** Whether `index` falls strictly inside one of the kept spans (sorted by start). */
function insideKept(kept: ReadonlyArray<readonly [number, number]>, index: number, from: number) {
	for (let at = from; at < kept.length; at++) {
		const [start, end] = kept[at]!;
		if (start >= index) return false;
		if (end > index) return true;
	}

	return false;
}

/**
 * Breaks one line of text (no newlines) into pieces of at most `width` columns: at spaces, between
 * CJK characters where kinsoku allows, never inside a kept span (a ruby base with its reading)
 * unless it alone is too wide. Spaces at a break are dropped; leading spaces (an indent) are kept.
 * Pieces after the first are `hang` columns narrower, for a hanging indent.
 */
export function breakLine(
	text: string,
	width: number,
	kept: ReadonlyArray<readonly [number, number]> = [],
	hang = 0,
): Piece[] {
	const pieces: Piece[] = [];
	const ascii = kept.length === 0 && /^[\u0020-\u007E]*$/.test(text);
	if (ascii && text.length <= width) {
		const end = text.trimEnd().length;
		return [{start: 0, end, width: end}];
	}
	const anywhere = !ascii && breaksBetweenCharacters(text);
	let lineStart = 0;
	let lineWidth = 0;
	let limit = width;
	/** The last place this line may end, with the line's width there. */
	let lastBreak = -1;
	let widthAtBreak = 0;
	let keptFrom = 0;
	let index = 0;
	const push = (end: number, columns: number) => {
		let trimmed = end;
		while (trimmed > lineStart && text.charCodeAt(trimmed - 1) === 32) trimmed--;
		pieces.push({start: lineStart, end: trimmed, width: columns - (end - trimmed)});
		limit = Math.max(1, width - hang);
	};

	while (index < text.length) {
		const code = text.charCodeAt(index);
		const step = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
		const opportunity = ascii
			? code !== 32 && text.charCodeAt(index - 1) === 32
			: mayBreakBefore(text, index, anywhere);
		if (index > lineStart && opportunity) {
			while (keptFrom < kept.length && kept[keptFrom]![1] <= index) keptFrom++;
			if (!insideKept(kept, index, keptFrom)) {
				lastBreak = index;
				widthAtBreak = lineWidth;
			}
		}

		const columns = ascii ? 1 : textWidth(text, index, index + step);
		// A break at the last chance may still leave this character too wide for the new line.
		while (lineWidth + columns > limit && code !== 32 && index > lineStart) {
			if (lastBreak > lineStart) {
				push(lastBreak, widthAtBreak);
				lineStart = lastBreak;
				lineWidth -= widthAtBreak;
			} else {
				// One word or kept span wider than the line: it is cut where the line is full.
				push(index, lineWidth);
				lineStart = index;
				lineWidth = 0;
			}

			lastBreak = -1;
		}

		lineWidth += columns;
		index += step;
	}

	push(text.length, lineWidth);
	// A line that starts a wrapped piece at spaces begins at its first letter.
	for (const piece of pieces.slice(1)) {
		while (piece.start < piece.end && text.charCodeAt(piece.start) === 32) piece.start++;
	}

	return pieces;
}
