// @ts-check
import tseslint from 'typescript-eslint';
import noDeadReferences from './e2e/lint/no-dead-references.js';

/**
 * Lint rules that catch real bugs in an extension: floating promises (a rejected promise in the
 * worker is a silent failure), and context boundaries (docs/architecture.md): the worker has no
 * DOM, pages and the content script never import worker code, and only src/shared/browser.ts
 * names `webextension-polyfill` (for its types of the promise-based API; the polyfill itself is not loaded). Comments may only point to files in the repository.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'dist-sim/**', 'dist-firefox/**', 'dist-zip/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/.artifacts/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Dependencies are passed as objects of functions (deps injection), never bound methods.
      '@typescript-eslint/unbound-method': 'off',
      // An async function that returns a promise-typed contract without awaiting is fine.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Import `browser` from src/shared/browser.ts (the one seam to browser APIs).' }] }],
    },
  },
  {
    files: ['src/background/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'window', message: 'The service worker has no window.' }, { name: 'document', message: 'The service worker has no DOM.' }, { name: 'localStorage', message: 'Use chrome.storage; the worker has no localStorage.' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'Import `browser` from src/shared/browser.ts (the one seam to browser APIs).' }],
          patterns: [{ group: ['**/shared/dom/**'], message: 'shared/dom/ needs a DOM; the service worker has none.' }],
        },
      ],
    },
  },
  {
    files: ['src/content/**/*.{ts,tsx}', 'src/pages/**/*.{ts,tsx}', 'src/sidepanel/**/*.{ts,tsx}', 'src/options/**/*.{ts,tsx}', 'src/supervisor/**/*.{ts,tsx}', 'src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'Import `browser` from src/shared/browser.ts.' }],
          patterns: [{ group: ['**/background/**', '../background/*'], message: 'Pages and content scripts talk to the worker through messages, never by importing it.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/browser.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      // Asymmetric matchers (expect.any, expect.stringContaining) are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The simulator's desktop pages are plain browser scripts: only their comments are checked.
    files: ['e2e/simulator/public/**/*.js'],
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { local: { rules: { 'no-dead-references': noDeadReferences } } },
    rules: { 'local/no-dead-references': 'error' },
  },
);
