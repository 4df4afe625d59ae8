// The status bar's text: what the reader is reading, where, and how long is left, fitted to a width.

import stringWidth from 'string-width';
import {chapterAt, fractionAt, sceneAt, wordsLeftInChapter} from '../work/progress.ts';
import type {Work} from '../work/types.ts';
import type {Anchor} from '../work/anchor.ts';

export type StatusInput = {work: Work; anchor: Anchor; atEnd: boolean; wordsPerMinute: number};

export type Status = {
	title: string;
	chapter?: string;
	scene?: string;
	percent: number;
	timeLeft?: string;
	/** The work is still being read: no share or time left yet. */
	loading?: boolean;
};

export function statusOf({work, anchor, atEnd, wordsPerMinute}: StatusInput): Status {
	const chapterIndex = chapterAt(work, anchor.block);
	const chapter = work.chapters[chapterIndex];
	const status: Status = {
		title: work.meta.title || 'Untitled',
		percent: atEnd ? 100 : Math.floor(fractionAt(work, anchor) * 100),
	};
	if (work.partial) {
		status.loading = true;
		return status;
	}

	if (!chapter) return status;
	// The end notes hang on the last chapter for moving about, but they are not its text.
	const inBack = work.back !== undefined && anchor.block >= work.back.start;
	if (inBack) status.chapter = 'End notes';
	else if (work.chapters.length > 1) status.chapter = chapter.title;
	const scene = inBack ? undefined : sceneAt(work, anchor.block);
	if (scene && scene.count > 1) status.scene = `scene ${scene.number}/${scene.count}`;
	const minutes = Math.ceil(wordsLeftInChapter(work, anchor) / wordsPerMinute);
	if (!atEnd && minutes > 0) {
		const label =
			minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
		status.timeLeft = `${label} left${work.chapters.length > 1 ? ' in chapter' : ''}`;
	}

	return status;
}

/** A count with its noun, singular or plural: "1 chapter", "38 chapters". */
export function counted(count: number, noun: string): string {
	return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** The one way a share is printed: "38%", rounded down so that 100% means the end. */
export function percentText(fraction: number): string {
	return `${Math.floor(fraction * 100)}%`;
}

export function truncateTo(text: string, width: number): string {
	if (stringWidth(text) <= width) return text;
	let result = '';
	for (const char of text) {
		if (stringWidth(result + char) > width - 1) break;
		result += char;
	}

	return width > 0 ? result + '…' : '';
}

/** The shortest a work's title is cut to beside a chapter's name; shorter, it is left out. */
const minTitleWidth = 8;

/**
 * Left and right parts of the bar; parts are dropped from the least useful on as the width
 * shrinks: the scene and the time left, then the work's title (cut, then left out), then the end
 * of the chapter's name, which tells two chapters apart ("CHAPTER VII").
 */
export function statusText(status: Status, width: number): {left: string; right: string} {
	const percent = status.loading ? 'reading…' : `${status.percent}%`;
	const optional = [status.timeLeft, status.scene].filter(Boolean) as string[];
	const rightText = () => [...optional, percent].join(' · ');
	const roomBeside = (right: string) => Math.max(0, width - stringWidth(right) - 3);
	while (optional.length > 0 && stringWidth(rightText()) > width / 2) optional.shift();
	const {title, chapter} = status;
	if (chapter) {
		const least = stringWidth(chapter) + 3 + Math.min(minTitleWidth, stringWidth(title));
		while (optional.length > 0 && least > roomBeside(rightText())) optional.shift();
	}

	const right = rightText();
	const room = roomBeside(right);
	let left = chapter ? `${title} · ${chapter}` : title;
	if (chapter && stringWidth(left) > room) {
		const titleRoom = room - stringWidth(chapter) - 3;
		left =
			titleRoom >= Math.min(minTitleWidth, stringWidth(title))
				? `${truncateTo(title, titleRoom)} · ${chapter}`
				: chapter;
	}

	left = truncateTo(left, room);
	if (stringWidth(right) + 1 > width) return {left: '', right: truncateTo(percent, width)};
	return {left, right};
}

/** A bar of `width` cells, filled to `fraction`, with a tick at each chapter start where cells allow. */
export function progressBar(work: Work, fraction: number, width: number): string {
	const cells = Array.from<unknown, string>({length: width}, (_, index) =>
		index < Math.round(fraction * width) ? '━' : '─',
	);
	const total = work.charsBefore[work.blocks.length]!;
	if (work.chapters.length > 1 && work.chapters.length <= width / 2 && total > 0) {
		for (const chapter of work.chapters.slice(1)) {
			const cell = Math.floor((work.charsBefore[chapter.start]! / total) * width);
			if (cell > 0 && cell < width) cells[cell] = cells[cell] === '━' ? '╋' : '┼';
		}
	}

	return cells.join('');
}
