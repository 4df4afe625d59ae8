// Lint: ESLint's and typescript-eslint's recommended rules, and small source files; formatting is
// prettier's job, and the imports between parts are dependency-cruiser's (.dependency-cruiser.mjs).

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'bench-results/', 'works/', 'test/fixtures/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {
			globals: {
				process: 'readonly',
				console: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				URL: 'readonly',
				Buffer: 'readonly',
				performance: 'readonly',
				TextDecoder: 'readonly',
				TextEncoder: 'readonly',
			},
		},
		rules: {
			'@typescript-eslint/no-non-null-assertion': 'off',
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-control-regex': 'off',
			'prefer-const': 'error',
			eqeqeq: 'error',
		},
	},
	{
		// A source file does one job; past 300 lines it is doing two.
		files: ['source/**/*.{ts,tsx}'],
		rules: {'max-lines': ['error', {max: 300}]},
	},
);
