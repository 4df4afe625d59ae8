// Turns byte positions inside a MOBI/KF8 document into element ids that a contents entry can name.

export type Anchored = {html: string; ids: string[]};

/**
 * Decodes `bytes` and gives each position (bytes, ascending or not) the id of the first element
 * that starts there or after it, adding an id where the element has none. A position before the
 * body's content gets '' (the whole document).
 */
export function anchorPositions(
	bytes: Uint8Array,
	positions: number[],
	decoder: InstanceType<typeof TextDecoder>,
): Anchored {
	const order = positions.map((_, index) => index).sort((a, b) => positions[a]! - positions[b]!);
	const ids: string[] = positions.map(() => '');
	const stringAt = new Map<number, number>();
	// Decoded step by step from one position to the next, so that many entries cost one pass.
	let html = '';
	let byte = 0;
	for (const index of order) {
		const position = Math.max(0, Math.min(bytes.length, positions[index]!));
		if (position > byte) {
			html += decoder.decode(bytes.subarray(byte, position), {stream: true});
			byte = position;
		}

		stringAt.set(index, html.length);
	}

	html += decoder.decode(bytes.subarray(byte));
	const bodyOpen = /<body\b[^>]*>/i.exec(html);
	const contentStart = bodyOpen ? bodyOpen.index + bodyOpen[0].length : 0;
	const inserts: Array<{at: number; text: string}> = [];
	const made = new Map<number, string>();
	for (const index of order) {
		const from = stringAt.get(index)!;
		if (from < contentStart) continue;
		const tag = /<([A-Za-z][\w:-]*)([^>]*)>/g;
		tag.lastIndex = from;
		const match = tag.exec(html);
		if (!match) continue;
		const own = /\sid\s*=\s*["']([^"']+)["']/.exec(match[2]!);
		if (own) {
			ids[index] = own[1]!;
			continue;
		}

		const existing = made.get(match.index);
		if (existing) {
			ids[index] = existing;
			continue;
		}

		const id = `ficterm-position-${match.index}`;
		made.set(match.index, id);
		inserts.push({at: match.index + 1 + match[1]!.length, text: ` id="${id}"`});
		ids[index] = id;
	}

	if (inserts.length === 0) return {html, ids};
	inserts.sort((a, b) => a.at - b.at);
	const pieces: string[] = [];
	let last = 0;
	for (const insert of inserts) {
		pieces.push(html.slice(last, insert.at), insert.text);
		last = insert.at;
	}

	pieces.push(html.slice(last));
	return {html: pieces.join(''), ids};
}
