// This machine as sync engines name it: a random id made once and kept in ficterm's folder, and a
// name people recognise (the host name, unless the user chose another).

import {randomBytes} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {sanitiseLine} from '../work/sanitise.ts';

export type Device = {
	/** 32 lower-case hex digits: what kosync's `device_id` and the sync folder's file names use. */
	id: string;
	name: string;
};

const fileName = 'device.json';
const idPattern = /^[0-9a-f]{32}$/;

function readDevice(path: string): Partial<Device> {
	try {
		const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
		if (typeof value !== 'object' || value === null) return {};
		const {id, name} = value as Record<string, unknown>;
		return {
			id: typeof id === 'string' && idPattern.test(id) ? id : undefined,
			name: typeof name === 'string' && name.trim() ? sanitiseLine(name).slice(0, 64) : undefined,
		};
	} catch {
		return {};
	}
}

/** This device, made and kept in `folder` on first use; a damaged file gets a new id. */
export function thisDevice(folder: string): Device {
	const path = join(folder, fileName);
	const saved = readDevice(path);
	const device = {
		id: saved.id ?? randomBytes(16).toString('hex'),
		name: saved.name ?? (sanitiseLine(hostname()).slice(0, 64) || 'this device'),
	};
	if (saved.id !== device.id || saved.name !== device.name) {
		try {
			mkdirSync(folder, {recursive: true});
			const temporary = `${path}.${process.pid}.tmp`;
			writeFileSync(temporary, JSON.stringify(device) + '\n');
			renameSync(temporary, path);
		} catch {
			// A folder that cannot be written still has a device for this run; the next run tries again.
		}
	}

	return device;
}
