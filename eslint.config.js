import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import jestPlugin from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/** Another package's files: import `@rollback-actions/<name>` (its `src/index.ts` is the public surface). */
const internals = [
  {
    regex: '(^|/)packages/[^/]+/src/',
    message:
      "Import the package's surface, @rollback-actions/<name>, not its src/ files."
  },
  {
    regex: '^@rollback-actions/[^/]+/',
    message:
      'Import @rollback-actions/<name> itself: its src/index.ts is the public surface.'
  }
]

/** A relative path into a sibling package or action (`../../registry/src/...`). */
const crossPackage = {
  regex: '^(\\.\\./)+[^./][^/]*/src/',
  message:
    "Import the other package's surface, @rollback-actions/<name>, not its src/ files."
}

// Only the action kit talks to the runner toolkit (@actions/*); other packages receive a Logger.
// @actions/expressions and @actions/workflow-parser are GitHub's expression engine and workflow parser (used by the
// drill), not the runner toolkit.
const runnerToolkit = {
  group: [
    '@actions/*',
    '!@actions/expressions',
    '!@actions/expressions/*',
    '!@actions/workflow-parser',
    '!@actions/workflow-parser/*'
  ],
  message: 'Use @rollback-actions/action-kit.'
}

/** The product (action-kit, azure, kube, registry, pitr, secrets, health, terraform, actions) ships without these. */
const simulation = {
  regex: '^@rollback-actions/(emulators|sandbox|drill)(/|$)',
  message:
    'Product packages and actions must not depend on the emulators, the sandbox or the drill.'
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'actions/*/dist/**',
      'actions/dist/**',
      'drill-output/**',
      'bench-output/**',
      'sandbox-output/**',
      '.tools/**',
      'coverage/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'no-console': 'error'
    }
  },
  // Layer rules (README, Where things are): each block lists every pattern its files obey, because a later block's
  // no-restricted-imports replaces an earlier one's for the same file.
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: internals }] }
  },
  {
    files: ['packages/**/*.ts', 'actions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...internals, crossPackage, runnerToolkit, simulation] }
      ]
    }
  },
  {
    files: ['packages/action-kit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...internals, crossPackage, simulation] }
      ]
    }
  },
  {
    files: [
      'packages/emulators/**/*.ts',
      'packages/sandbox/**/*.ts',
      'packages/drill/**/*.ts'
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...internals, crossPackage, runnerToolkit] }
      ]
    }
  },
  {
    // The sandbox and drill CLIs and the benchmarks are command-line programs: they print.
    files: ['packages/*/src/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' }
  },
  {
    files: ['test/**/*.ts'],
    ...jestPlugin.configs['flat/recommended'],
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off'
    }
  },
  prettier
)
