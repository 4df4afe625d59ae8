// Lint: ESLint's and typescript-eslint's recommended rules; formatting is prettier's job.

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
);
