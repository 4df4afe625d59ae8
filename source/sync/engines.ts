// The sync engines this ficterm is set up for, from its settings: each engine adds its line here.

import type {Settings} from '../store/schema.ts';
import type {Device} from './device.ts';
import type {SyncEngine} from './engine.ts';
import {FolderEngine} from './folder-engine.ts';

/** `device` is called only when some engine is set up, so that no device file is made before. */
export function configuredEngines(settings: Settings, device: () => Device): SyncEngine[] {
	const engines: SyncEngine[] = [];
	if (settings.syncDir) engines.push(new FolderEngine(settings.syncDir, device()));
	return engines;
}
