// Where the text of each kept element of an FB2's description goes: title-info, and the source's address.

export type Fb2Info = {
	title: string;
	authors: string[];
	genres: string[];
	keywords: string;
	language: string;
	date: string;
	sequence?: {name: string; number: string};
	/** The annotation, as HTML for the block reader. */
	annotation: string[];
	sourceUrl: string;
};

/** Where the text of a description element goes, if it is one that is kept. */
export function descriptionField(
	name: string,
	parent: string | undefined,
	info: Fb2Info,
	author: string[] | undefined,
): ((text: string) => void) | undefined {
	if (author && parent === 'author') {
		if (name === 'nickname')
			return (text) => {
				if (author.length === 0 && text) author.push(text);
			};
		return ['first-name', 'middle-name', 'last-name'].includes(name)
			? (text) => {
					author.push(text);
				}
			: undefined;
	}

	if (parent === 'document-info' && name === 'src-url')
		return (text) => {
			info.sourceUrl ||= text;
		};
	if (parent !== 'title-info') return undefined;
	const setters: Record<string, (text: string) => void> = {
		'book-title': (text) => {
			info.title = text;
		},
		genre: (text) => {
			if (text) info.genres.push(text);
		},
		keywords: (text) => {
			info.keywords = text;
		},
		lang: (text) => {
			info.language = text;
		},
		date: (text) => {
			info.date ||= text;
		},
	};
	return setters[name];
}
