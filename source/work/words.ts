// Counts words the way readers expect: whitespace-separated words, and each CJK character as one.

function isSpace(code: number): boolean {
	return (
		code === 32 ||
		(code >= 9 && code <= 13) ||
		code === 0xa0 ||
		code === 0x3000 ||
		(code >= 0x2000 && code <= 0x200a)
	);
}

function isCjk(code: number): boolean {
	return (
		(code >= 0x3040 && code <= 0x30ff) ||
		(code >= 0x3400 && code <= 0x4dbf) ||
		(code >= 0x4e00 && code <= 0x9fff) ||
		(code >= 0xac00 && code <= 0xd7af) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0x1100 && code <= 0x11ff)
	);
}

const letterOrDigit = /[\p{L}\p{N}]/u;

function isWordCharacter(code: number, text: string, index: number): boolean {
	if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
	// Surrogate pairs (CJK extension B and beyond, and letters outside the BMP) are tested whole.
	return letterOrDigit.test(
		code >= 0xd800 && code <= 0xdbff ? text.slice(index, index + 2) : text[index]!,
	);
}

/** A word is a run of non-space characters holding a letter or digit; CJK characters count one each. */
export function countWords(text: string): number {
	let count = 0;
	let inWord = false;
	let counted = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (isSpace(code)) {
			inWord = false;
			continue;
		}

		if (!inWord) {
			inWord = true;
			counted = false;
		}

		if (isCjk(code)) {
			count++;
			// Letters after a CJK run in the same token are a word of their own.
			counted = false;
			continue;
		}

		if (!counted && isWordCharacter(code, text, index)) {
			count++;
			counted = true;
		}
	}

	return count;
}
