// Writes small PDFs by hand for the tests: text pages in the standard fonts, with an outline,
// page numbers and a running header where asked, and the hostile shapes (image only, encrypted).

export type PdfLineSpec = {
	text: string;
	x: number;
	y: number;
	size?: number;
	font?: 'F1' | 'F2' | 'F3';
};

export type PdfPageSpec = PdfLineSpec[];

export type PdfOutlineSpec = {title: string; page: number; y: number; children?: PdfOutlineSpec[]};

export type PdfSpec = {
	pages: PdfPageSpec[];
	outline?: PdfOutlineSpec[];
	info?: {title?: string; author?: string};
	/** Pages drawn as an image instead of text, as a scanner makes them. */
	imageOnly?: boolean;
	/** Encrypted with a user password (which the reader does not know). */
	encrypted?: boolean;
	/** What the page tree claims, whatever pages it holds. */
	claimedPages?: number;
};

const latin1 = (text: string) =>
	text.replaceAll('\\', '\\\\').replaceAll('(', '\\(').replaceAll(')', '\\)');

/** A PDF of numbered objects, with a correct cross-reference table. */
function assemble(objects: string[], trailer: string): Uint8Array {
	let out = '%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n';
	const offsets: number[] = [];
	for (const [index, body] of objects.entries()) {
		offsets.push(out.length);
		out += `${index + 1} 0 obj\n${body}\nendobj\n`;
	}

	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
	return Uint8Array.from(out, (char) => char.charCodeAt(0) & 0xff);
}

function stream(content: string): string {
	return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

export function pdfOf(spec: PdfSpec): Uint8Array {
	// 1 catalog, 2 pages, 3-5 fonts, 6 info, 7 image; then per page: page and content; then outline.
	const objects: string[] = [];
	const fontNames = {F1: 'Times-Roman', F2: 'Times-Italic', F3: 'Times-Bold'};
	objects[2] = `<< /Type /Font /Subtype /Type1 /BaseFont /${fontNames.F1} /Encoding /WinAnsiEncoding >>`;
	objects[3] = `<< /Type /Font /Subtype /Type1 /BaseFont /${fontNames.F2} /Encoding /WinAnsiEncoding >>`;
	objects[4] = `<< /Type /Font /Subtype /Type1 /BaseFont /${fontNames.F3} /Encoding /WinAnsiEncoding >>`;
	objects[5] = `<< /Title (${latin1(spec.info?.title ?? '')}) /Author (${latin1(spec.info?.author ?? '')}) >>`;
	objects[6] =
		'<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00FF\u00FF\u0000\nendstream';
	const pageIds: number[] = [];
	for (const page of spec.pages) {
		const content = spec.imageOnly
			? 'q 612 0 0 792 0 0 cm /Im1 Do Q'
			: page
					.map(
						(line) =>
							`BT /${line.font ?? 'F1'} ${line.size ?? 12} Tf ${line.x} ${line.y} Td (${latin1(line.text)}) Tj ET`,
					)
					.join('\n');
		const pageId = objects.length + 1;
		objects.push(
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageId + 1} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> /XObject << /Im1 7 0 R >> >> >>`,
			stream(content),
		);
		pageIds.push(pageId);
	}

	let outlineRoot = '';
	if (spec.outline) {
		const rootId = objects.length + 1;
		objects.push('');
		const write = (entries: PdfOutlineSpec[], parent: number): number[] => {
			const ids = entries.map(() => {
				objects.push('');
				return objects.length;
			});
			for (const [index, entry] of entries.entries()) {
				const children = entry.children ? write(entry.children, ids[index]!) : [];
				const links = [
					`/Parent ${parent} 0 R`,
					index > 0 ? `/Prev ${ids[index - 1]} 0 R` : '',
					index + 1 < ids.length ? `/Next ${ids[index + 1]} 0 R` : '',
					children.length > 0
						? `/First ${children[0]} 0 R /Last ${children.at(-1)} 0 R /Count ${children.length}`
						: '',
				].join(' ');
				objects[ids[index]! - 1] =
					`<< /Title (${latin1(entry.title)}) /Dest [${pageIds[entry.page]} 0 R /XYZ 0 ${entry.y} 0] ${links} >>`;
			}

			return ids;
		};

		const top = write(spec.outline, rootId);
		objects[rootId - 1] =
			`<< /Type /Outlines /First ${top[0]} 0 R /Last ${top.at(-1)} 0 R /Count ${top.length} >>`;
		outlineRoot = ` /Outlines ${rootId} 0 R`;
	}

	objects[0] = `<< /Type /Catalog /Pages 2 0 R${outlineRoot} >>`;
	objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${spec.claimedPages ?? pageIds.length} >>`;
	let trailer = '/Root 1 0 R /Info 6 0 R';
	if (spec.encrypted) {
		objects.push(
			`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`,
		);
		trailer += ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
	}

	return assemble(objects, trailer);
}

/** Words per line at 12 points in Times, roughly what fits a 6.5-inch measure. */
const lineChars = 84;

function wrapped(text: string): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + word.length + 1 > lineChars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}

	if (line) lines.push(line);
	return lines;
}

export type PdfStory = {
	title: string;
	author: string;
	chapters: Array<{title: string; scenes: string[][]}>;
};

/**
 * A story typeset as a printed book is: each chapter on a new page under a larger heading,
 * paragraphs told by a first-line indent, "* * *" centred between scenes, a running header with
 * the title and a page number at the foot of every page, and an outline entry per chapter.
 */
export function storyPdf(story: PdfStory, {outline = true} = {}): Uint8Array {
	const pages: PdfPageSpec[] = [];
	const entries: PdfOutlineSpec[] = [];
	let page: PdfPageSpec = [];
	let y = 0;
	const top = 700;
	const bottom = 80;
	const newPage = () => {
		page = [];
		pages.push(page);
		page.push({text: story.title, x: 260, y: 750, size: 9});
		page.push({text: String(pages.length), x: 300, y: 40, size: 9});
		y = top;
	};

	const put = (line: PdfLineSpec) => {
		if (y < bottom) newPage();
		page.push({...line, y});
	};

	for (const chapter of story.chapters) {
		newPage();
		entries.push({title: chapter.title, page: pages.length - 1, y: top + 20});
		put({text: chapter.title, x: 72, y, size: 18, font: 'F3'});
		y -= 36;
		for (const [sceneIndex, scene] of chapter.scenes.entries()) {
			if (sceneIndex > 0) {
				put({text: '* * *', x: 292, y});
				y -= 14;
			}

			for (const paragraph of scene) {
				for (const [index, line] of wrapped(paragraph).entries()) {
					put({text: line, x: index === 0 ? 90 : 72, y});
					y -= 14;
				}
			}
		}
	}

	return pdfOf({
		pages,
		outline: outline ? entries : undefined,
		info: {title: story.title, author: story.author},
	});
}

/** A CJK font the PDF only names: no font file, its codes mapped by one of Adobe's predefined CMaps. */
export type CjkFontSpec = {
	encoding: 'UniJIS-UCS2-H' | 'UniGB-UCS2-H' | 'UniKS-UCS2-H' | 'UniCNS-UCS2-H';
	baseFont: string;
	ordering: 'Japan1' | 'GB1' | 'Korea1' | 'CNS1';
};

/**
 * One page of CJK lines, each in a Type0 font with a predefined UCS-2 CMap and no embedded font,
 * its text written as UCS-2 codes: what older CJK producers (and Acrobat's Asian font packs) write.
 */
export function cjkPdf(lines: Array<{text: string; font: CjkFontSpec; y: number}>): Uint8Array {
	const fonts = [...new Set(lines.map((line) => line.font))];
	// 1 catalog, 2 pages, 3 page, 4 content; then per font: Type0, CIDFont, descriptor.
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
	];
	const fontId = (index: number) => 5 + index * 3;
	const resources = fonts.map((_, index) => `/C${index} ${fontId(index)} 0 R`).join(' ');
	objects.push(
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << ${resources} >> >> >>`,
	);
	const ucs2 = (text: string) =>
		Array.from({length: text.length}, (_, index) =>
			text.charCodeAt(index).toString(16).padStart(4, '0'),
		).join('');
	objects.push(
		stream(
			lines
				.map(
					(line) =>
						`BT /C${fonts.indexOf(line.font)} 14 Tf 72 ${line.y} Td <${ucs2(line.text)}> Tj ET`,
				)
				.join('\n'),
		),
	);
	for (const [index, font] of fonts.entries()) {
		const id = fontId(index);
		objects.push(
			`<< /Type /Font /Subtype /Type0 /BaseFont /${font.baseFont} /Encoding /${font.encoding} /DescendantFonts [${id + 1} 0 R] >>`,
			`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font.baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (${font.ordering}) /Supplement 2 >> /FontDescriptor ${id + 2} 0 R /DW 1000 >>`,
			`<< /Type /FontDescriptor /FontName /${font.baseFont} /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 709 /StemV 69 >>`,
		);
	}

	return assemble(objects, '/Root 1 0 R');
}

/** Our own two paragraphs, Japanese then Chinese, of two lines each: lines 18 points apart, paragraphs 36. */
export function cjkSamplePdf(): Uint8Array {
	const japanese: CjkFontSpec = {
		encoding: 'UniJIS-UCS2-H',
		baseFont: 'HeiseiMin-W3',
		ordering: 'Japan1',
	};
	const chinese: CjkFontSpec = {
		encoding: 'UniGB-UCS2-H',
		baseFont: 'STSong-Light',
		ordering: 'GB1',
	};
	return cjkPdf([
		{text: '灯台の光が三度まわって、', font: japanese, y: 700},
		{text: '港の船はみな眠っていた。', font: japanese, y: 682},
		{text: '海风吹过小镇的屋顶，', font: chinese, y: 646},
		{text: '灯塔守着整夜的潮声。', font: chinese, y: 628},
	]);
}
