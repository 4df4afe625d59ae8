// Counts words the way readers expect: whitespace-separated words, and each CJK character as one.

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const cjkGlobal = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const wordChar = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
	let count = 0;
	for (const token of text.split(/\s+/)) {
		if (!token) continue;
		if (cjk.test(token)) {
			count += token.match(cjkGlobal)?.length ?? 0;
			if (wordChar.test(token.replace(cjkGlobal, ''))) count++;
		} else if (wordChar.test(token)) {
			count++;
		}
	}

	return count;
}

/** The first `count` words of `text`, for labels and openings. */
export function openingWords(text: string, minChars = 60): string {
	if (text.length <= minChars) return text;
	const cut = text.indexOf(' ', minChars);
	return cut === -1 || cut > minChars + 30
		? text.slice(0, minChars + 20) + '…'
		: text.slice(0, cut) + '…';
}
