// The architecture's rules: a stack of parts, each importing only parts below it, and no cycles.
// Run by `npm run lint` (and so by `npm test`): work < formats, layout < reader < store < library
// < ui < the shell (the files directly in source/).

const shell = '^source/[^/]+$';

/** A rule forbidding `from` to import anything under source/ but the folders it may use. */
const onlyImports = (name, from, allowed, comment) => ({
	name,
	comment,
	severity: 'error',
	from: {path: `^source/${from}/`},
	to: {path: '^source/', pathNot: allowed.map((folder) => `^source/${folder}/`)},
});

/** A rule forbidding `from` to import any of `folders` (or the shell). */
const neverImports = (name, from, folders, comment) => ({
	name,
	comment,
	severity: 'error',
	from: {path: `^source/${from}/`},
	to: {path: [`^source/(${folders.join('|')})/`, shell]},
});

export default {
	forbidden: [
		{
			name: 'no-file-cycle',
			comment: 'A file must not reach itself through its imports.',
			severity: 'error',
			from: {},
			to: {circular: true},
		},
		{
			name: 'no-folder-cycle',
			comment: 'A folder must not reach itself through the imports of its files.',
			severity: 'error',
			scope: 'folder',
			from: {},
			to: {circular: true},
		},
		onlyImports('work-is-the-model', 'work', ['work'], 'work/ imports nothing outside itself.'),
		onlyImports('formats-use-work', 'formats', ['work', 'formats'], 'formats/ imports only work/.'),
		onlyImports('layout-uses-work', 'layout', ['work', 'layout'], 'layout/ imports only work/.'),
		onlyImports('store-uses-work', 'store', ['work', 'store'], 'store/ imports only work/.'),
		onlyImports(
			'sync-uses-store',
			'sync',
			['work', 'formats', 'store', 'sync'],
			'sync/ imports only work/, formats/ and store/: engines are models, the shell runs them.',
		),
		neverImports(
			'reader-is-pure',
			'reader',
			['ui', 'store', 'library'],
			'reader/ imports nothing from ui/, store/, library/ or the shell.',
		),
		neverImports(
			'library-below-ui',
			'library',
			['ui'],
			'library/ is a model: it imports nothing from ui/ or the shell.',
		),
		neverImports(
			'ui-without-store',
			'ui',
			['store'],
			'ui/ draws from props: it imports nothing from store/ or the shell.',
		),
	],
	options: {
		includeOnly: '^source/',
		// Type-only imports count: a type from a layer above is a dependency on it too.
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		parser: 'tsc',
	},
};
