// The sync engines this ficterm is set up for, from its settings: each engine adds its line here.

import type {Settings} from '../store/schema.ts';
import type {Device} from './device.ts';
import type {SyncEngine} from './engine.ts';
import {FolderEngine} from './folder-engine.ts';
import {readAccount} from './kosync-account.ts';
import {KosyncEngine} from './kosync-engine.ts';

/**
 * `device` is called only when some engine is set up, so that no device file is made before;
 * `folder` is ficterm's own, where the kosync login is kept.
 */
export function configuredEngines(
	settings: Settings,
	device: () => Device,
	folder?: string,
): SyncEngine[] {
	const engines: SyncEngine[] = [];
	if (settings.syncDir) engines.push(new FolderEngine(settings.syncDir, device()));
	const account = folder === undefined ? undefined : readAccount(folder);
	if (folder !== undefined && account)
		engines.push(new KosyncEngine({folder, account, device: device()}));
	return engines;
}
