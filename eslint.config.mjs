// Lint rules that keep the layers honest: src/core is pure (no editor, no protocol, no file
// system), and nothing evaluates document text as code.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'esbuild.js', 'test-results/**'] },
	...tseslint.configs.recommended,
	{
		rules: {
			'no-eval': 'error',
			'no-new-func': 'error',
			'no-implied-eval': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-explicit-any': 'error',
		},
	},
	{
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'child_process'],
				patterns: ['vscode-languageserver*', 'vscode-languageclient*', '**/server/**', '**/client/**', '**/cli/**'],
			}],
		},
	},
	{
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
	},
);
