// The XPointer paths of one EPUB document's block elements, found by reading that document again
// as the work's adapter read it: a work keeps only each block's element number, not its path.

import type {BlockXPath, Format} from '../work/types.ts';
import {ao3Skipped} from './ao3-html.ts';
import {openEpub, type EpubPackage} from './epub-container.ts';
import {htmlBlocks} from './html-blocks.ts';

/** One document's block element paths by their order in it; undefined when it cannot be read. */
export type DocumentElementPaths = (fragment: number) => Map<number, BlockXPath> | undefined;

/**
 * Opens the EPUB in `bytes` and reads the element paths of one document when asked, keeping the
 * last one read. `format` is the work's: AO3's EPUBs are read leaving out what the AO3 reader leaves out,
 * which changes the order of the blocks.
 */
export function epubElementPaths(bytes: Uint8Array, format: Format): DocumentElementPaths {
	let pkg: EpubPackage;
	try {
		// No document is inflated but the one asked for.
		pkg = openEpub(bytes, 0);
	} catch {
		return () => undefined;
	}

	let last: {fragment: number; paths: Map<number, BlockXPath>} | undefined;
	return (fragment) => {
		if (last?.fragment === fragment) return last.paths;
		try {
			const path = pkg.documentAt(fragment);
			const xpathRoot = path && pkg.xpathRoot(path);
			if (!path || !xpathRoot) return undefined;
			const paths = new Map<number, BlockXPath>();
			htmlBlocks(pkg.text(path), () => undefined, {
				xpathRoot,
				onElementPath: (order, found) => paths.set(order, found),
				skip: format === 'ao3-epub' ? ao3Skipped : undefined,
			});
			last = {fragment, paths};
			return paths;
		} catch {
			// A document that no longer reads (a file changed since it was opened) has no paths.
			return undefined;
		}
	};
}
