import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import jestPlugin from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

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
  {
    // Only the action kit talks to the runner toolkit (@actions/*); other packages receive a Logger.
    // @actions/expressions and @actions/workflow-parser are GitHub's expression engine and workflow parser (used by
    // the drill), not the runner toolkit.
    files: ['packages/**/*.ts', 'actions/**/*.ts'],
    ignores: ['packages/action-kit/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@actions/*',
                '!@actions/expressions',
                '!@actions/expressions/*',
                '!@actions/workflow-parser',
                '!@actions/workflow-parser/*'
              ],
              message: 'Use @rollback-actions/action-kit.'
            }
          ]
        }
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
