/** Jest runs the TypeScript sources through ts-jest, transpiling each file on its own
 * (tsconfig's isolatedModules); `npm test` type-checks the whole project with tsc first (the
 * build), so type errors still fail the run. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
};
