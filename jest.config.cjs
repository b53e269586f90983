/**
 * One jest run, four projects: unit (pure, next to code), integration (real Postgres + Redis, next to
 * infrastructure code), e2e (HTTP over the whole app, in test/e2e) and web (the browser
 * journeys, in test/web). ESM mode: NestJS 12 is ESM-only.
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
    {
      // The web app in a real headless Chromium against the whole system (test/support/browser.ts).
      ...shared,
      displayName: 'web',
      roots: ['<rootDir>/test'],
      testRegex: '.*\\.web-spec\\.ts$',
      globalSetup: '<rootDir>/test/support/web-global-setup.mjs',
    },
  ],
  testTimeout: 60000,
};
