// A work's text folded for searching: a byte per UTF-16 unit, ASCII lowered, typographic quotes and
// dashes as their plain forms, and every other character beyond ASCII as one byte no query holds.

/** Characters the keyboard types one way and books print another: each found by any of its class. */
export const lookAlikes: readonly string[] = ["'‘’‛ʼ′", '"“”„‟″', '-‐‑‒–—―'];

/** Every character that is not ASCII becomes this byte, which no ASCII query contains. */
export const other = 0xff;
/** Between blocks. */
export const separator = 0x0a;

/**
 * Each UTF-16 unit's folded byte: ASCII lowered, typographic quotes and dashes as their plain
 * forms, and the two letters beyond ASCII that a case-insensitive search takes for ASCII ones.
 */
export const foldedByte = new Uint8Array(0x1_00_00).fill(other);
for (let code = 0; code < 128; code++)
	foldedByte[code] = code >= 65 && code <= 90 ? code + 32 : code;
for (const group of lookAlikes)
	for (const character of group) foldedByte[character.charCodeAt(0)] = group.charCodeAt(0);
foldedByte[0x17f] = 's'.charCodeAt(0); // ſ, long s
foldedByte[0x212a] = 'k'.charCodeAt(0); // K, the Kelvin sign
