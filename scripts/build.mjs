// Bundles the CLI into dist/ with esbuild: one small entry for print mode, the Ink app loaded only
// when reading; the licence notices of the bundled packages go beside it.

import {cpSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {build} from 'esbuild';
import {writeNotices} from './notices.mjs';

rmSync('dist', {recursive: true, force: true});

const {metafile} = await build({
	entryPoints: ['source/cli.tsx', 'source/parse-worker.ts'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node22',
	packages: 'bundle',
	minifySyntax: true,
	// The notices file below carries each bundled package's whole licence, not only its comments.
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
	define: {'process.env.NODE_ENV': '"production"'},
	jsx: 'automatic',
	// Ink imports react-devtools-core for its dev mode only; the reader never uses it.
	alias: {
		'react-devtools-core': './scripts/empty-module.mjs',
		'when-exit': './scripts/no-exit-hooks.mjs',
		'ajv/dist/2020.js': './scripts/no-schema-validator.mjs',
		'ajv-formats': './scripts/no-schema-validator.mjs',
	},
	banner: {
		js: [
			"import {createRequire as __createRequire} from 'node:module';",
			'const require = __createRequire(import.meta.url);',
		].join('\n'),
	},
});

// The entry stays a file of its own, outside the bundle, so that it runs before the bundle loads.
await build({
	entryPoints: ['source/bin.ts'],
	outdir: 'dist',
	bundle: false,
	format: 'esm',
	platform: 'node',
	target: 'node18',
	logLevel: 'warning',
});

// pdf.js reads Adobe's CMaps (CJK text in fonts a PDF only names) and the standard fonts' data
// from files at run time: they go beside the bundle, with their licences.
const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
for (const folder of ['cmaps', 'standard_fonts'])
	cpSync(join(pdfjs, folder), join('dist/pdfjs', folder), {recursive: true});

writeNotices(metafile, 'dist/THIRD-PARTY-NOTICES.txt');
