// A Kindle book's rebuilt documents as the EPUB reading takes them: a package held in memory.

import type {EpubPackage, TocEntry} from './epub-container.ts';

export function kindlePackage(
	metadata: EpubPackage['metadata'],
	spine: string[],
	toc: TocEntry[],
	documents: Map<string, string>,
): EpubPackage {
	return {
		metadata,
		spine,
		toc,
		warnings: [],
		// KOReader places Kindle books by its own positions, not by EPUB XPointers: none here.
		xpathRoot: () => undefined,
		documentAt: () => undefined,
		text(path, options = {}) {
			const html = documents.get(path) ?? '';
			if (!options.keep) documents.delete(path);
			return html;
		},
	};
}
