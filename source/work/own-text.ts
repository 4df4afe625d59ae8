// A block's text as a string of its own, before a long work's thousands of blocks are kept.

/** V8 cuts a substring this long or longer as a view into its parent, which it keeps alive. */
const shortestSlice = 13;
/** Texts up to this long go through one buffer kept for them; longer ones through one of their own. */
const scratchChars = 64 * 1024;
/** UTF-8 takes at most three bytes for a UTF-16 unit. */
let scratch: Buffer | undefined;

/**
 * A flat copy of the text, one byte a character when every character fits in one. A text cut from
 * a document keeps the whole document alive, and a text decoded with a document that needed two
 * bytes a character anywhere (one curly quote) takes two bytes a character too: at 5M words in an
 * EPUB, 28 MB more held while the work is read. A round trip through UTF-8 makes the copy in one
 * native pass, and it is what the text goes through to the main thread anyway (packed-texts.ts).
 * The round trip goes through one reused buffer: a buffer for each text (Buffer.from) left 26 MB
 * of spent buffers at 5M words for the garbage collector to find.
 */
export function ownText(text: string): string {
	if (text.length < shortestSlice) return text;
	if (text.length > scratchChars) return Buffer.from(text, 'utf8').toString('utf8');
	scratch ??= Buffer.allocUnsafeSlow(scratchChars * 3);
	return scratch.toString('utf8', 0, scratch.write(text, 0, 'utf8'));
}
