// Where a block sits on an AO3 work page, from the markup of otwarchive's work and chapter views.

import type {Element} from './html-blocks.ts';

export type PagePart = 'site' | 'meta' | 'preface' | 'chapters' | 'afterword';

export type PageRegion = {
	/** The site around the work, the tag table, the work's preface, its chapters or its afterword. */
	part: PagePart;
	/** The chapter's position (from `div.chapter#chapter-N`); 0 for a one-shot's text. */
	chapter: number;
	/** In a chapter's preface: its heading, summary and notes (and the box around its end notes). */
	head: boolean;
	module?: 'summary' | 'notes' | 'endNotes' | 'series' | 'children';
	/** Inside the author's text (a `.userstuff`): the markup below is theirs, not the page's. */
	text: boolean;
	/** Inside a `dd` of the tag table. */
	dd: boolean;
	/** Links here name the work itself: its navigation and its chapter headings. */
	workLinks: boolean;
	title: boolean;
	byline: boolean;
};

const outside: PageRegion = {
	part: 'site',
	chapter: 0,
	head: false,
	text: false,
	dd: false,
	workLinks: false,
	title: false,
	byline: false,
};

/** The region inside `element`, entered from `region`; the same object when nothing changes. */
export function stepPageRegion(region: PageRegion, element: Element): PageRegion {
	if (region.text) return region;
	const {classes, id, tag} = element;
	const has = (name: string) => classes.includes(name);
	if (has('userstuff')) return {...region, text: true};
	if (tag === 'dl' && has('work') && has('meta')) return {...region, part: 'meta'};
	if (region.part === 'meta') return tag === 'dd' && !region.dd ? {...region, dd: true} : region;
	if (tag === 'ul' && has('work') && has('navigation')) return {...region, workLinks: true};
	if (id === 'chapters') return {...region, part: 'chapters'};
	if (has('afterword')) return {...region, part: 'afterword'};
	if (region.part === 'site' && has('preface') && !has('chapter')) {
		return {...region, part: 'preface'};
	}

	if (region.part === 'chapters') {
		const position = has('chapter') ? /^chapter-(\d+)$/.exec(id)?.[1] : undefined;
		if (position) return {...region, chapter: Number(position)};
		if (has('chapter') && has('preface')) return {...region, head: true};
		if (region.head && has('title')) return {...region, title: true, workLinks: true};
	}

	if (has('module') || id === 'series' || id === 'children') {
		if (has('summary')) return {...region, module: 'summary'};
		if (has('notes')) return {...region, module: has('end') ? 'endNotes' : 'notes'};
		if (has('series')) return {...region, module: 'series'};
		if (has('children')) return {...region, module: 'children'};
	}

	if (has('byline')) return {...region, byline: true};
	return region;
}

// Blocks in one container share their ancestors array, so its region is worked out once.
const regions = new WeakMap<readonly Element[], PageRegion>();

export function pageRegionOf(ancestors: readonly Element[]): PageRegion {
	let region = regions.get(ancestors);
	if (region) return region;
	region = outside;
	for (const element of ancestors) region = stepPageRegion(region, element);
	regions.set(ancestors, region);
	return region;
}
