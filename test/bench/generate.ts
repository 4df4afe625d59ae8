// Generates long works for the benchmark from the project's own sample prose.

import {loadWork} from '../../source/formats/read-work-file.ts';
import {extensions, storyAsPdf, writers, type Story} from '../helpers/writers.ts';

/** The story paragraphs of the samples, as ficterm itself reads them. */
const paragraphs = ['the-lighthouse-keepers-daughter.txt', 'a-field-guide-to-small-hours.txt']
	.map((name) => loadWork(new URL(`../../works/${name}`, import.meta.url).pathname))
	.flatMap((work) =>
		work.blocks.filter((block) => block.part === 'story' && block.kind === 'paragraph'),
	)
	.map((block) => block.text)
	.filter((text) => text.split(' ').length >= 12);

const wordsPerScene = 1500;
const scenesPerChapter = 3;

export function generatedStory(words: number): Story {
	const chapters: Story['chapters'] = [];
	let count = 0;
	let index = 0;
	while (count < words) {
		const scenes: string[][] = [];
		for (let scene = 0; scene < scenesPerChapter && count < words; scene++) {
			const sceneParagraphs: string[] = [];
			let sceneWords = 0;
			while (sceneWords < wordsPerScene && count < words) {
				const paragraph = paragraphs[index++ % paragraphs.length]!;
				const size = paragraph.split(' ').length;
				sceneParagraphs.push(paragraph);
				sceneWords += size;
				count += size;
			}

			scenes.push(sceneParagraphs);
		}

		chapters.push({title: `Part ${chapters.length + 1}`, scenes});
	}

	return {title: `Benchmark ${words} words`, author: 'ficterm bench', chapters};
}

/**
 * A generated work as a file. With `frontMatter`, it opens as real books do, with a few short
 * documents (cover, title page, rights) before the first chapter.
 */
export function generatedFile(
	format: string,
	words: number,
	{frontMatter = false} = {},
): {bytes: Uint8Array; extension: string} {
	const story = generatedStory(words);
	const front = frontMatter
		? ['Cover', 'Title Page', 'Copyright'].map((title) => ({
				title,
				scenes: [[`${title} of ${story.title}, by ${story.author}.`]],
			}))
		: [];
	const whole = {...story, chapters: [...front, ...story.chapters]};
	if (format === 'pdf') return {bytes: storyAsPdf(whole), extension: 'pdf'};
	const file = writers[format]!(whole);
	return {
		bytes: typeof file === 'string' ? new TextEncoder().encode(file) : file,
		extension: extensions[format]!,
	};
}
