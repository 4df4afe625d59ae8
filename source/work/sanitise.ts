// Strips everything from untrusted work text that a terminal would act on instead of print.

// CSI, OSC (ended by BEL or ST, or cut at a line end so a lone opener cannot swallow the work), DCS/SOS/PM/APC (ended by ST), other two-byte escapes, lone ESC,
// their 8-bit C1 forms, and every remaining C0/C1 control except tab and newline.
const escapeSequence =
	/\u001B\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|\u009B[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|[\u001B][\]PX^_][^\u0007\u001B\u009C\n]{0,4096}(?:\u0007|\u001B\\|\u009C)?|[\u009D\u0090\u0098\u009E\u009F][^\u0007\u001B\u009C\n]{0,4096}(?:\u0007|\u001B\\|\u009C)?|\u001B[\u0020-\u002F]*[\u0030-\u007E]?|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// Bidi overrides and isolates can reorder what follows them on the line.
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/g;

// Invisible format characters that terminals disagree on the width of (zero-width space, word
// joiner, byte-order mark, soft hyphen): drawn, they shift the rest of a line by a column in some.
const invisible = /[\u00AD\u200B\u2060\uFEFF]/g;

// Scanning for any character that needs work is much faster than replacing over clean text.
const needsWork =
	/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Removes escape sequences, control and invisible format characters; keeps `\t` and `\n` (and turns `\r` into `\n`). */
export function sanitiseText(text: string): string {
	if (!needsWork.test(text)) return text;
	const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
	return normalised.replace(escapeSequence, '').replace(bidiControl, '').replace(invisible, '');
}

/** For one-line strings such as titles and tags: also folds tabs and newlines to spaces. */
export function sanitiseLine(text: string): string {
	return sanitiseText(text).replace(/\s+/g, ' ').trim();
}
