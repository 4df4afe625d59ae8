// Runs the sync engines for the work being read: pulls once the first screen is up and every few
// seconds, moves the reader to a newer place from another device (saying so, with the way back),
// merges bookmarks, and pushes this device's place after moves and, briefly, at quit.

import {relativeTime} from './library/entries.ts';
import type {AppAction} from './reader/reducer.ts';
import type {Clock} from './store/clock.ts';
import type {SavedWork} from './store/schema.ts';
import type {ReadingSession} from './store/session.ts';
import type {LocalPlace, RemotePlace, SyncEngine, SyncedWork} from './sync/engine.ts';
import {mergeBookmarks, placeToFollow} from './sync/follow.ts';
import type {Anchor} from './work/anchor.ts';
import {sanitiseLine} from './work/sanitise.ts';

export const pullEveryMs = 5000;
/** After the last move: long enough that paging through a chapter writes once, not per page. */
export const pushDelayMs = 2000;
/** Quitting never waits longer than this for sync. */
export const quitLimitMs = 300;

export type SyncRunnerOptions = {
	engines: SyncEngine[];
	synced: SyncedWork;
	session: ReadingSession;
	clock: Clock;
	/** Where the reader is when the runner starts. */
	anchor: Anchor;
	/** Hands an action to the reader (a move, merged bookmarks, a message). */
	dispatch: (action: AppAction) => void;
};

const later = (a: string | undefined, b: string | undefined) =>
	a === undefined || (b !== undefined && Date.parse(b) > Date.parse(a)) ? b : a;

const placeKey = (place: RemotePlace) =>
	`${place.device}\n${place.updatedAt}\n${place.anchor.block}:${place.anchor.offset}`;

function localPlace(saved: SavedWork): LocalPlace {
	return {
		anchor: {block: saved.anchor.block, offset: saved.anchor.offset},
		fraction: saved.fraction,
		updatedAt: saved.readAt,
		bookmarks: saved.bookmarks,
		deletedBookmarks: saved.deletedBookmarks ?? [],
	};
}

export class SyncRunner {
	readonly #options: SyncRunnerOptions;
	#synced: SyncedWork;
	#anchor: Anchor;
	/** This device's last save when the work was opened, or the newest place followed since. */
	#since?: string;
	/** The entry last pushed: a save that is not this one is pushed. */
	#pushed?: SavedWork;
	#started = false;
	/** Places followed once, never followed again (a device with a clock ahead would repeat them). */
	readonly #followed = new Set<string>();
	/** The first pull compares with the last save before opening, not with saves made since. */
	#pulledOnce = false;
	#stopped = false;
	readonly #abort = new AbortController();
	#cancelPull?: () => void;
	#cancelPush?: () => void;

	constructor(options: SyncRunnerOptions) {
		this.#options = options;
		this.#synced = options.synced;
		this.#anchor = options.anchor;
		this.#pushed = options.session.saved();
		this.#since = this.#pushed?.readAt;
	}

	/** The whole work, in place of the opening read first. */
	setWork(synced: SyncedWork): void {
		this.#synced = synced;
	}

	/** Starts pulling: now, then every few seconds (a pull never overlaps the one before). */
	start(): void {
		if (this.#started || this.#stopped || this.#options.engines.length === 0) return;
		this.#started = true;
		this.#loop();
		// The place saved before (with its own date) is published once too, so that a device that
		// only now shares through sync is known to the others without moving first. Only now: the
		// whole work is here to take its snippet from.
		this.#pushed = undefined;
		void this.#push();
	}

	#loop(): void {
		void this.#pull().finally(() => {
			if (!this.#stopped)
				this.#cancelPull = this.#options.clock.after(pullEveryMs, () => this.#loop());
		});
	}

	/** The reader moved (or changed bookmarks): push soon after the moves stop. */
	moved(anchor?: Anchor): void {
		if (anchor) this.#anchor = anchor;
		if (this.#stopped) return;
		this.#cancelPush?.();
		this.#cancelPush = this.#options.clock.after(pushDelayMs, () => {
			this.#cancelPush = undefined;
			void this.#push();
		});
	}

	/** Stops, pushing the last saved place; resolves within quitLimitMs whatever the engines do. */
	async stop(): Promise<void> {
		if (this.#stopped) return;
		this.#stopped = true;
		this.#cancelPull?.();
		this.#cancelPush?.();
		const pushed = this.#push();
		let timer: NodeJS.Timeout | undefined;
		const limit = new Promise<void>((resolve) => {
			timer = setTimeout(resolve, quitLimitMs);
		});
		await Promise.race([pushed, limit]);
		clearTimeout(timer);
		this.#abort.abort();
	}

	async #push(): Promise<void> {
		const saved = this.#options.session.saved();
		if (!saved || saved === this.#pushed) return;
		this.#pushed = saved;
		const place = localPlace(saved);
		await Promise.all(
			this.#options.engines.map(async (engine) => {
				try {
					await engine.push(this.#synced, place, this.#abort.signal);
				} catch (error) {
					this.#tell(engine, [(error as Error)?.message ?? String(error)]);
				}
			}),
		);
		this.#tellProblems();
	}

	async #pull(): Promise<void> {
		const places: RemotePlace[] = [];
		for (const engine of this.#options.engines) {
			try {
				for (const place of await engine.pull(this.#synced, this.#abort.signal)) places.push(place);
			} catch (error) {
				this.#tell(engine, [(error as Error)?.message ?? String(error)]);
			}
		}

		if (this.#stopped) return;
		this.#tellProblems();
		try {
			this.#follow(places);
		} catch (error) {
			// Whatever an engine handed over, reading goes on: the reader's own place is untouched.
			this.#options.dispatch({
				type: 'message',
				text: sanitiseLine(`sync: ${(error as Error)?.message ?? String(error)}`),
			});
		}
	}

	#follow(places: RemotePlace[]): void {
		const {session, dispatch, clock} = this.#options;
		const own = session.bookmarkState();
		const merged = mergeBookmarks(own.bookmarks, own.deletedBookmarks, places);
		if (merged.changed) {
			session.mergedBookmarks(merged.bookmarks, merged.deletedBookmarks);
			dispatch({type: 'bookmarks-synced', marks: session.marks()});
		}

		// Compared with this device's own last save, unless a newer place was followed since. On the
		// first pull, saves made since opening (finding the place in a long work) do not count.
		const since = this.#pulledOnce ? later(this.#since, session.saved()?.readAt) : this.#since;
		this.#pulledOnce = true;
		const fresh = places.filter((place) => !this.#followed.has(placeKey(place)));
		const place = placeToFollow(fresh, {since, anchor: this.#anchor});
		if (!place) return;
		this.#followed.add(placeKey(place));
		// A device whose clock runs ahead must not hide every other device's places until then.
		const now = clock.now().toISOString();
		this.#since = later(
			since,
			Date.parse(place.updatedAt) > Date.parse(now) ? now : place.updatedAt,
		);
		const device = sanitiseLine(place.device).slice(0, 64);
		const when = relativeTime(place.updatedAt, clock.now());
		// Not exact: only a share or a chapter was known, or the text there has changed since.
		const where = place.exact ? 'to' : 'near';
		dispatch({
			type: 'jump',
			anchor: place.anchor,
			message: `Moved ${where} where you stopped on ${device}, ${when} — '' goes back`,
		});
	}

	#tellProblems(): void {
		for (const engine of this.#options.engines) this.#tell(engine, engine.problems());
	}

	#tell(engine: SyncEngine, problems: string[]): void {
		const [problem] = problems;
		if (problem === undefined || this.#stopped) return;
		const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
		this.#options.dispatch({
			type: 'message',
			text: sanitiseLine(`${engine.name}: ${problem}${more}`),
		});
	}
}

/**
 * Carries actions from the runner to the app, which subscribes once it is drawn; actions that
 * come before that wait for it.
 */
export function actionRelay(): {
	events: (dispatch: (action: AppAction) => void) => () => void;
	dispatch: (action: AppAction) => void;
} {
	let target: ((action: AppAction) => void) | undefined;
	let waiting: AppAction[] = [];
	return {
		events(dispatch) {
			target = dispatch;
			for (const action of waiting) dispatch(action);
			waiting = [];
			return () => {
				if (target === dispatch) target = undefined;
			};
		},
		dispatch(action) {
			if (target) target(action);
			else waiting.push(action);
		},
	};
}
