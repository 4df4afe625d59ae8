// FanFicFare's HTML: an h1 "Title by Author", a table of "Label:" rows, then an h2 per chapter.

import {chapterDraft, type ChapterDraft, type WorkDraft, emptyDraft} from '../work/draft.ts';
import {emptyMeta} from '../work/types.ts';
import {applyFffLabel} from './fff-labels.ts';
import {htmlBlocks, type Element} from './html-blocks.ts';
import {draftBlock} from './html-draft-block.ts';

export function looksLikeFffHtml(html: string): boolean {
	const head = html.slice(0, 100_000);
	return /<a\s+name="section\d+"/i.test(head) || /FanFicFare/i.test(head.slice(0, 5000));
}

function isContentsAnchor(element: Element): boolean {
	return element.tag === 'a' && element.attributes['name'] === 'TOCTOP';
}

export function parseFffHtml(html: string): WorkDraft {
	const meta = emptyMeta();
	const draft = emptyDraft('fff-html', meta);
	let chapter: ChapterDraft | undefined;
	let label: string | undefined;
	let summaryOpen = false;
	htmlBlocks(html, (block) => {
		if (!chapter) {
			if (block.level === 1 && !meta.title) {
				const by = block.text.lastIndexOf(' by ');
				meta.title = by === -1 ? block.text : block.text.slice(0, by);
				if (by !== -1) meta.authors = block.text.slice(by + 4).split(/,\s+|\s+&\s+/);
				return;
			}

			// FanFicFare's own contents, <a name="TOCTOP"><h2>Table of Contents</h2></a>: not a chapter.
			if (block.level === 2 && block.ancestors.some(isContentsAnchor)) return;
			if (block.level === 2 && !block.links.some((link) => link.startsWith('#'))) {
				chapter = chapterDraft(block.text, []);
				draft.chapters.push(chapter);
				return;
			}

			// The table of contents: links to the chapters' anchors.
			if (block.links.length > 0 && block.links.every((link) => link.startsWith('#section')))
				return;
			if (label !== undefined) {
				if (label.toLowerCase() === 'summary') draft.summary.push(draftBlock(block));
				else applyFffLabel(meta, label, block.text);
				label = undefined;
				return;
			}

			for (const line of block.text.split('\n')) {
				const match = /^([A-Z][A-Za-z ]+):\s*(.*)$/.exec(line);
				if (match && match[1]!.toLowerCase() === 'summary') {
					if (match[2]) draft.summary.push({kind: 'paragraph', text: match[2]});
					else label = 'summary';
					summaryOpen = true;
				} else if (match && applyFffLabel(meta, match[1]!, match[2]!)) {
					summaryOpen = false;
					if (!match[2]) label = match[1];
				} else if (summaryOpen && line.trim()) {
					draft.summary.push({kind: 'paragraph', text: line.trim()});
				}
			}

			return;
		}

		if (block.level === 2) {
			chapter = chapterDraft(block.text, []);
			draft.chapters.push(chapter);
			return;
		}

		chapter.body.push(draftBlock(block));
	});
	return draft;
}
