// CSI, OSC (ended by BEL or ST, or cut at a line end so a lone opener cannot swallow the work),
// DCS/SOS/PM/APC (ended by ST), other two-byte escapes, lone ESC, and every remaining C0 control
// except tab and newline. Of the 8-bit C1 forms only a whole CSI with parameters (\u009B31m) is
// taken as a sequence; the others are taken one character at a time (see below).
const escapeSequence =
	/\u001B\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|\u009B[\u0030-\u003F]+[\u0020-\u002F]*[\u0040-\u007E]|[\u001B][\]PX^_][^\u0007\u001B\u009C\n]{0,4096}(?:\u0007|\u001B\\|\u009C)?|\u001B[\u0020-\u002F]*[\u0030-\u007E]?|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// A C1 control in a work's text is almost always Windows-1252 read as Latin-1 (\u0093 for “), not a
// terminal command: each is read as the Windows-1252 character, or left out where that has none,
// and never as the start of a sequence that would swallow the text after it. Alone, with what
// followed it printed as text, none can command the terminal.
const c1Control = /[\u0080-\u009F]/g;
const windows1252High = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';
const asWindows1252 = (control: string) =>
	windows1252High[control.charCodeAt(0) - 0x80]!.replace('\0', '');

// Unicode's line and paragraph separators: some terminals move the cursor on them, others draw
// nothing; a line break keeps what the text meant.
const lineSeparator = /[\u2028\u2029]/g;

// Bidi overrides and isolates can reorder what follows them on the line.
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/g;

// Invisible format characters that terminals disagree on the width of (zero-width space, word
// joiner, byte-order mark, soft hyphen): drawn, they shift the rest of a line by a column in some.
const invisible = /[\u00AD\u200B\u2060\uFEFF]/g;

// Scanning for any character that needs work is much faster than replacing over clean text.
const needsWork =
	/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Removes escape sequences, control and invisible format characters; keeps `\t` and `\n` (and turns `\r` into `\n`). */
export function sanitiseText(text: string): string {
	if (!needsWork.test(text)) return text;
	const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
	return normalised
		.replace(lineSeparator, '\n')
		.replace(escapeSequence, '')
		.replace(c1Control, asWindows1252)
		.replace(bidiControl, '')
		.replace(invisible, '');
}

/** For one-line strings such as titles and tags: also folds tabs and newlines to spaces. */
export function sanitiseLine(text: string): string {
	return sanitiseText(text).replace(/\s+/g, ' ').trim();
}
