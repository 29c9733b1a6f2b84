// Lint: typescript-eslint's recommended rules, the folder import direction of
// the architecture (nothing imports "upward"), and the engine's ban on every
// source of non-determinism and on the DOM.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Which src/ folders each folder may NOT import from. */
export const forbidden = {
  engine: ['protocol', 'worker', 'scenario', 'share', 'lessons', 'store', 'render', 'ui', 'app', 'i18n'],
  protocol: ['worker', 'scenario', 'share', 'lessons', 'store', 'render', 'ui', 'app', 'i18n'],
  scenario: ['worker', 'share', 'lessons', 'store', 'render', 'ui', 'app', 'i18n'],
  // share links and files: built on the scenario and the command log, read by the worker and the page
  share: ['worker', 'lessons', 'store', 'render', 'ui', 'app', 'i18n'],
  worker: ['lessons', 'store', 'render', 'ui', 'app', 'i18n'],
  i18n: ['engine', 'protocol', 'worker', 'scenario', 'share', 'lessons', 'store', 'render', 'ui', 'app'],
  lessons: ['worker', 'share', 'store', 'render', 'ui', 'app', 'engine'],
  render: ['engine', 'worker', 'share', 'store', 'ui', 'app', 'lessons', 'scenario', 'i18n'],
  store: ['engine', 'worker', 'lessons', 'ui', 'app', 'render'],
  ui: ['engine', 'worker', 'share', 'app'],
  app: ['engine'],
};

/** The layers a lab folder (src/labs/<lab>/) may hold: each follows its layer's row of the matrix. */
export const LAB_LAYERS = ['engine', 'protocol', 'scenario', 'i18n', 'render', 'ui'];

// A ban on folder b covers src/b and every lab's src/labs/<lab>/b, seen from
// one to four levels down (a file of the same name elsewhere, like
// store/share.ts, is not it). A lab's layer follows the row of the top-level
// folder of that name, towards its own lab and towards the other labs.
const ups = ['../', '../../', '../../../', '../../../../'];
const topPatterns = (b) => ups.flatMap((up) => [`${up}${b}`, `${up}${b}/**`, `${up}labs/*/${b}`, `${up}labs/*/${b}/**`]);
const labPatterns = (b) => [...topPatterns(b), ...ups.slice(1).flatMap((up) => [`${up}*/${b}`, `${up}*/${b}/**`])];

const rule = (files, banned, folder, patterns) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: banned.map((b) => ({ group: patterns(b), message: `src/${folder} may not import from src/${b} (see the import direction in README.md).` })) },
    ],
  },
});

const importRules = Object.entries(forbidden).flatMap(([folder, banned]) => [
  rule([`src/${folder}/**/*.{ts,tsx}`], banned, folder, topPatterns),
  ...(LAB_LAYERS.includes(folder) ? [rule([`src/labs/*/${folder}/**/*.{ts,tsx}`], banned, folder, labPatterns)] : []),
]);

const nondeterministic = 'is not deterministic: the engine takes time and randomness only from its kernel.';

export default tseslint.config(
  { ignores: ['.shots', 'dist', 'dist-*', '.bench', 'node_modules', 'test-results', 'test-results-*', 'playwright-report', '.stryker-tmp', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...importRules,
  {
    files: ['src/engine/**/*.ts', 'src/labs/*/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts', 'src/labs/*/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'self', 'navigator', 'localStorage', 'performance', 'setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'queueMicrotask', 'crypto'].map((name) => ({
          name,
          message: `${name} ${nondeterministic}`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: `Math.random ${nondeterministic}` },
        { object: 'Date', property: 'now', message: `Date.now ${nondeterministic}` },
        { object: 'performance', property: 'now', message: `performance.now ${nondeterministic}` },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: `new Date() ${nondeterministic}` }],
    },
  },
  { files: ['scripts/**/*.mjs', '*.config.{js,ts}'], languageOptions: { globals: { ...globals.node, window: 'readonly' } } },
);
