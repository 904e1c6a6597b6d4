/**
 * Three projects: unit (jsdom, Lightning components and pure code), simulator (node, the
 * operator side over HTTP) and e2e (node, driving Debian's Chromium against the simulator).
 */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.jest.json' }]
const common = {
  rootDir: __dirname,
  // .mjs: the Firebolt SDK ships untranspiled ES modules only.
  transform: { '^.+\\.m?[tj]sx?$': tsJest },
  transformIgnorePatterns: [
    '/node_modules/(?!(@lightningjs/sdk|@metrological/sdk|@michieljs/execute-as-promise|localcookies|@firebolt-js/sdk)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
}

module.exports = {
  // Two cores: the e2e files run two at a time, each with its own simulator (free port,
  // throw-away database) and its own Chromium; unit and simulator files share nothing either.
  maxWorkers: 2,
  // Beside an e2e file on two cores, a unit or simulator test or hook (seeding a fresh database)
  // may take longer than jest's 5 s; jest-circus reads only this global value. The e2e files
  // set their own with jest.setTimeout.
  testTimeout: 20_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { pretendToBeVisual: true },
      setupFiles: ['jest-webgl-canvas-mock', '<rootDir>/test/helpers/jsdomSetup.ts'],
      testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'simulator',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/simulator/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      slowTestThreshold: 30,
    },
  ],
}
