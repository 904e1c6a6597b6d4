// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'

/**
 * Besides the usual rules, the rooms of docs/ARCHITECTURE.md are enforced here: domain/ is
 * pure, only api/ sees raw JSON over fetch, ui/ never reaches storage or the network, and the
 * simulator never imports the client. No module may import itself through others: a cycle
 * in src/ or simulator/ fails the lint (import-x/no-cycle).
 */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
})

/** `state.api`, `appContext().state?.storage`, `const { api } = state`: none of it in ui/. */
const appStateInternalsMessage =
  'ui/ reaches the app state through its views and intents, never its api or storage.'
const appStateInternals = [
  "MemberExpression[object.name='state'][property.name=/^(api|storage)$/]",
  "MemberExpression[object.property.name='state'][property.name=/^(api|storage)$/]",
  "VariableDeclarator[init.name='state'] > ObjectPattern > Property[key.name=/^(api|storage)$/]",
  "VariableDeclarator[init.property.name='state'] > ObjectPattern > Property[key.name=/^(api|storage)$/]",
].map((selector) => ({ selector, message: appStateInternalsMessage }))

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'build-*/',
      'dist/',
      'test-results/',
      'bench-results/',
      'coverage/',
      'simulator/data/',
      'simulator/console/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'simulator/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.d.ts', '.js', '.mjs', '.json'] }),
      ],
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      ...restrict(
        ['../*', '@lightningjs/*', 'rxjs', 'rxjs/*', 'localforage', 'valibot'],
        'domain/ is pure: it imports only domain/.',
      ),
      'no-restricted-globals': ['error', 'fetch', 'localStorage', 'indexedDB', 'window', 'document'],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/App.ts'],
    rules: {
      ...restrict(
        ['**/api/*', 'localforage', 'kitsu-core', 'json-rpc-2.0', 'valibot'],
        'ui/ renders stores and sends intents; it never calls the network or storage.',
      ),
      'no-restricted-globals': ['error', 'fetch', 'localStorage', 'indexedDB', 'XMLHttpRequest'],
      // The app state gives the screens views and intents; its API clients and storage stay in state/.
      'no-restricted-syntax': ['error', ...appStateInternals],
    },
  },
  {
    files: ['simulator/**/*.ts'],
    rules: restrict(
      ['**/src/*', '../../src/**', '../../../src/**'],
      'The simulator is the other side of the contract: it never imports the client.',
    ),
  },
  {
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/no-empty-object-type': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
