/**
 * One jest run, three projects: unit (pure, next to code), integration (real Postgres + Redis, next to
 * infrastructure code) and e2e (HTTP over the whole app, in test/e2e). ESM mode: NestJS 12 is ESM-only.
 */
const aliases = ['domain', 'application', 'persistence', 'queue', 'config'];
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    ...Object.fromEntries(aliases.map((a) => [`^@app/${a}$`, `<rootDir>/libs/${a}/src/index.ts`])),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
};
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/apps', '<rootDir>/libs'], testRegex: '.*\\.spec\\.ts$' },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testRegex: '.*\\.int-spec\\.ts$',
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testRegex: '.*\\.e2e-spec\\.ts$',
    },
  ],
  testTimeout: 60000,
};
