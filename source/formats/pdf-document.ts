// What ficterm takes from a PDF: its pages' positioned text, its outline and its metadata, as plain data.

/** A run of text at one place on a page, in PDF units (y grows upwards, from the page's bottom). */
export type PdfItem = {
	text: string;
	x: number;
	/** The baseline. */
	y: number;
	width: number;
	/** The font's size on the page. */
	size: number;
	bold: boolean;
	italic: boolean;
};

export type PdfPage = {items: PdfItem[]; width: number; height: number};

/** An outline (bookmarks) entry, resolved to its page (0-based) and, when the file says, its y. */
export type PdfOutlineEntry = {title: string; depth: number; page: number; y?: number};

export type PdfDocument = {
	pages: PdfPage[];
	outline: PdfOutlineEntry[];
	title?: string;
	authors: string[];
	language?: string;
	/** The keywords or subjects the producer wrote (calibre: the tags). */
	subjects: string[];
	warnings: string[];
};
