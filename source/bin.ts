#!/usr/bin/env -S node --max-semi-space-size=4
// The installed command's entry: checks the Node version and turns on the compile cache before
// anything else is loaded, then starts the command line. It imports nothing statically, so that
// an old Node reads it to the end and says what it needs instead of failing on a missing API.

const needed = 22;
const major = Number(process.versions.node.split('.')[0]);
if (major < needed) {
	process.stderr.write(
		`ficterm: needs Node.js ${needed} or newer; this is Node.js ${process.versions.node}\n`,
	);
	process.exit(1);
}

// Node keeps the compiled code of the bundle on disk, so every start after the first skips compiling.
const {enableCompileCache} = await import('node:module');
enableCompileCache?.();
// The bundle beside this file in dist/, built from cli.tsx.
await import('./cli.js');
