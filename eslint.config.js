// Lint rules. The important ones enforce the engine boundary (style.md §21):
// src/engine is pure TypeScript, deterministic, and imports nothing from npm.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const wallClockAndRandomness = [
  { object: 'Math', property: 'random', message: 'The engine is deterministic: use the seeded Prng from core/prng.' },
  { object: 'Date', property: 'now', message: 'The engine never reads a wall clock: use virtual time.' },
  { object: 'performance', property: 'now', message: 'The engine never reads a wall clock: use virtual time.' },
];

const engineForbiddenGlobals = [
  { name: 'setTimeout', message: 'No real timers in the engine: arm a virtual timer.' },
  { name: 'setInterval', message: 'No real timers in the engine: arm a virtual timer.' },
  { name: 'setImmediate', message: 'No real timers in the engine.' },
  { name: 'requestAnimationFrame', message: 'No frame callbacks in the engine.' },
  { name: 'performance', message: 'The engine never reads a wall clock.' },
  { name: 'window', message: 'The engine has no DOM.' },
  { name: 'document', message: 'The engine has no DOM.' },
  { name: 'structuredClone', message: 'Copy plain data with core/plainData instead.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-properties': ['error', ...wallClockAndRandomness],
      'no-restricted-globals': ['error', ...engineForbiddenGlobals],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine never reads a wall clock.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Relative imports inside the engine are fine; anything else is an npm package or a
              // path outside the engine, both forbidden.
              regex: '^(?!\\.{1,2}/)',
              message: 'src/engine imports nothing from npm or outside itself (react, zustand, comlink, d3, mermaid, @xyflow, zod, ...).',
            },
            { group: ['**/ui/**', '**/worker/**', '**/cli/**'], message: 'Dependencies point one way: ui → worker → engine.' },
          ],
        },
      ],
    },
  },
);
