// The library as plain text, one work a line, for `ficterm | …` and scripts.

import type {Store} from '../store/store.ts';
import {percentText} from '../reader/status.ts';
import {sanitiseLine} from '../work/sanitise.ts';
import {libraryEntries} from './entries.ts';

export function libraryText(store: Store, folders: string[]): string {
	return libraryEntries(store.works(), folders)
		.map((entry) => {
			const state = entry.missing
				? 'missing'
				: entry.readAt
					? percentText(entry.fraction)
					: 'unread';
			// Titles and authors are made safe in the entries; the path is kept raw there to open it.
			return `${entry.title}\t${entry.authors.join(', ')}\t${state}\t${sanitiseLine(entry.path)}`;
		})
		.join('\n');
}
