// Generates long works for the benchmark from the project's own sample prose.

import {readFileSync} from 'node:fs';
import {extensions, writers, type Story} from '../helpers/writers.ts';

const samples = ['the-lighthouse-keepers-daughter.txt', 'a-field-guide-to-small-hours.txt'].map(
	(name) => readFileSync(new URL(`../../works/${name}`, import.meta.url), 'utf8'),
);

/** The samples' story paragraphs: long enough lines of prose, no headers or labels. */
const paragraphs = samples
	.flatMap((text) => text.split(/\n\s*\n/))
	.map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
	.filter((paragraph) => paragraph.split(' ').length >= 12 && !/:/.test(paragraph.slice(0, 20)));

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

export function generatedFile(
	format: 'ao3-text' | 'ao3-html' | 'epub',
	words: number,
): {bytes: Uint8Array; extension: string} {
	const file = writers[format]!(generatedStory(words));
	return {
		bytes: typeof file === 'string' ? new TextEncoder().encode(file) : file,
		extension: extensions[format]!,
	};
}
