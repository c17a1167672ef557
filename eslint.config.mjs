import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** `src/core` never imports the editor; `extra` adds a folder's own limits (a later rule replaces an earlier one). */
function coreImports(...extra) {
  return [
    'error',
    {
      paths: [{ name: 'vscode', message: 'src/core must not depend on the editor; put editor code in src/vscode.' }],
      patterns: [{ group: ['**/vscode/**', '../vscode', '../../vscode'], message: 'src/core must not import src/vscode.' }, ...extra],
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.bench/**', 'test/workspace/**', 'types/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    // The core is shared with the CLI and unit tests, so it must run without the editor.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': coreImports() },
  },
  {
    // Replays, the explorer and Postal's delivery rules stand beside the listener, not on it.
    files: ['src/core/replay/**/*.ts', 'src/core/explorer/**/*.ts', 'src/core/delivery/**/*.ts', 'src/core/inspector/**/*.ts', 'src/core/webview/**/*.ts'],
    rules: { 'no-restricted-imports': coreImports({ group: ['../listener', '../listener/**'], message: 'Use core/http, core/delivery or core/store instead of listener code.' }) },
  },
  {
    // Sending a request needs nothing else of the core; the store takes its types from here.
    files: ['src/core/http/**/*.ts'],
    rules: { 'no-restricted-imports': coreImports({ group: ['../**'], message: 'core/http must not depend on the rest of the core.' }) },
  },
  {
    files: ['src/cli.ts', 'src/cli/**/*.ts', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', fetch: 'readonly' },
    },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', exports: 'writable', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The webview pages' own script runs in the page, not in Node.
    files: ['media/webview/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', Element: 'readonly', acquireVsCodeApi: 'readonly' },
    },
  },
);
