// jest in ESM mode (NODE_OPTIONS=--experimental-vm-modules, set by `npm run jest`).
// @swc/jest strips types; `tsc --noEmit` type-checks separately.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'es6' }
      }
    ]
  },
  moduleNameMapper: {
    '^@rollback-actions/(.*)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1'
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.cjs'],
  maxWorkers: 2
}
