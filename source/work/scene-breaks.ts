// Decides which short lines are scene dividers (`* * *`, `~o~`, `oOo`) and which are words.

import stringWidth from 'string-width';
import type {DraftBlock} from './draft.ts';

export type DividerKind = 'symbols' | 'letters';

const letterOrDigit = /[\p{L}\p{N}]/u;
const letter = /\p{L}/u;
const sentenceEnd = /[.!?…,;:"'”’)\]」』]$/u;
const speechOnly = /^[.!?…,;:"'“”‘’«»()\s\-–—]+$/u;

function isRepeatOf(text: string, unitLength: number): boolean {
	if (text.length % unitLength !== 0) return false;
	const unit = text.slice(0, unitLength);
	for (let i = unitLength; i < text.length; i += unitLength) {
		if (text.slice(i, i + unitLength) !== unit) return false;
	}

	return true;
}

/** Whether a line standing alone is a divider: by its symbols, or (if it is only letters) maybe. */
export function dividerKind(line: string): DividerKind | undefined {
	// Most lines are prose: anything this long cannot fit in 16 columns, whatever it holds.
	if (line.length > 64) return undefined;
	const text = line.trim();
	if (!text || stringWidth(text) > 16) return undefined;
	if (!letterOrDigit.test(text)) {
		if (/^[-–—]+$/u.test(text)) return text.length >= 2 ? 'symbols' : undefined;
		return speechOnly.test(text) ? undefined : 'symbols';
	}

	if (sentenceEnd.test(text) && !/^[\p{L}\p{N}]/u.test(text.at(-1) ?? '')) return undefined;
	const compact = [...text.replace(/\s+/g, '').toLowerCase()];
	const framed = !letter.test(compact[0] ?? '') && !letter.test(compact.at(-1) ?? '');
	const joined = compact.join('');
	const letters = new Set(joined.match(/\p{L}/gu));
	const ornament = letters.size === 1 || [...letters].every((char) => char === 'x' || char === 'o');
	if (framed && ornament && compact.length <= 9 && !/\p{N}/u.test(text)) return 'symbols';
	for (let unit = 1; unit <= 3; unit++) {
		const units = compact.slice(0, unit).join('');
		if (compact.length >= unit * 2 && isRepeatOf(joined, units.length)) {
			if (![...joined].every((char) => letter.test(char))) return 'symbols';
			// "oOo" and "Hahaha" are candidates; spaced words ("the the the") are prose.
			return /\s/.test(text) ? undefined : 'letters';
		}
	}

	return undefined;
}

function candidate(block: DraftBlock): DividerKind | undefined {
	if (block.kind !== 'paragraph' || block.text.includes('\n')) return undefined;
	return dividerKind(block.text);
}

/** Turns divider paragraphs into breaks; a letters-only divider must recur in the work to count. */
export function markSceneBreaks(bodies: DraftBlock[][]): void {
	// Each block is looked at once: most are prose and are ruled out at once, but a work of
	// short lines has many candidates, and dividerKind is not free.
	const candidates: Array<[DraftBlock, DividerKind]> = [];
	const letterLines = new Map<string, number>();
	for (const body of bodies) {
		for (const block of body) {
			const kind = candidate(block);
			if (!kind) continue;
			candidates.push([block, kind]);
			if (kind === 'letters') {
				const key = block.text.trim().toLowerCase();
				letterLines.set(key, (letterLines.get(key) ?? 0) + 1);
			}
		}
	}

	for (const [block, kind] of candidates) {
		if (kind === 'symbols' || (letterLines.get(block.text.trim().toLowerCase()) ?? 0) > 1) {
			block.kind = 'break';
			block.text = block.text.trim();
			block.center = true;
			delete block.styles;
		}
	}
}
