// Decodes one part of an EPUB (OPF, NCX, XHTML) by its byte-order mark or its XML declaration.

const declaration = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** The encoding an XML part names for itself; a byte-order mark outranks the declaration. */
export function xmlEncoding(bytes: Uint8Array): {encoding: string; skip: number} {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return {encoding: 'utf-8', skip: 3};
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: 'utf-16le', skip: 2};
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: 'utf-16be', skip: 2};
	// "<?" in UTF-16 without a mark, as the XML specification's appendix F tells them apart.
	if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00)
		return {encoding: 'utf-16le', skip: 0};
	if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)
		return {encoding: 'utf-16be', skip: 0};
	const head = String.fromCharCode(...bytes.subarray(0, 120));
	const named = declaration.exec(head)?.[1]?.toLowerCase();
	return {encoding: named && !named.startsWith('utf-16') ? named : 'utf-8', skip: 0};
}

export function decodeXml(bytes: Uint8Array): string {
	const {encoding, skip} = xmlEncoding(bytes);
	const body = skip > 0 ? bytes.subarray(skip) : bytes;
	try {
		return new TextDecoder(encoding).decode(body);
	} catch {
		// A label that no decoder knows is read as UTF-8, the XML default.
		return new TextDecoder('utf-8').decode(body);
	}
}
