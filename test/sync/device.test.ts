import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {thisDevice} from '../../source/sync/device.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'ficterm-device-'));

test('a device is made once and kept', () => {
	const home = folder();
	const first = thisDevice(home);
	assert.match(first.id, /^[0-9a-f]{32}$/);
	assert.ok(first.name.length > 0);
	assert.deepEqual(thisDevice(home), first);
});

test('a damaged device file gets a new id, and a chosen name is kept but sanitised', () => {
	const home = folder();
	writeFileSync(join(home, 'device.json'), '{"id": 12, "name": "desk\\u001b]0;pwned\\u0007top"}');
	const device = thisDevice(home);
	assert.match(device.id, /^[0-9a-f]{32}$/);
	assert.ok(!device.name.includes('\u001B'));
	assert.deepEqual(JSON.parse(readFileSync(join(home, 'device.json'), 'utf8')), device);
});

test('a folder that cannot be written still gives a device', () => {
	const home = folder();
	writeFileSync(join(home, 'file'), '');
	const device = thisDevice(join(home, 'file', 'below'));
	assert.match(device.id, /^[0-9a-f]{32}$/);
});
