// A block's text as a string of its own, before a long work's thousands of blocks are kept.

/** V8 cuts a substring this long or longer as a view into its parent, which it keeps alive. */
const shortestSlice = 13;

/**
 * A flat copy of the text, one byte a character when every character fits in one. A text cut from
 * a document keeps the whole document alive, and a text decoded with a document that needed two
 * bytes a character anywhere (one curly quote) takes two bytes a character too: at 5M words in an
 * EPUB, 28 MB more held while the work is read. A round trip through UTF-8 makes the copy in one
 * native pass, and it is what the text goes through to the main thread anyway (packed-texts.ts).
 */
export function ownText(text: string): string {
	return text.length < shortestSlice ? text : Buffer.from(text, 'utf8').toString('utf8');
}
