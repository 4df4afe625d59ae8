// Every action the reader knows, as the union of its slices' own actions.

import type {BookmarkAction} from './bookmarks.ts';
import type {MoveAction} from './moving.ts';
import type {OverlayAction} from './overlays.ts';
import type {SearchAction} from './searching.ts';
import type {ViewAction} from './view.ts';

export type Action = MoveAction | ViewAction | OverlayAction | BookmarkAction | SearchAction;

/** The library's own actions; library/ reduces them, the key table maps keys to them. */
export type LibraryAction =
	{type: 'move'; by: number} | {type: 'open'} | {type: 'forget'} | {type: 'undo'} | {type: 'quit'};
