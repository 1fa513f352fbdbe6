import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiStack, type ApiStack } from '../helpers/api-stack';
import { ensureSchemathesis, run } from '../helpers/drills/fuzz/schemathesis-venv';
import { createTestNamespace } from '../helpers/test-namespace';
import { failuresInJunit, formatFailure } from '../helpers/drills/fuzz/junit-failures';

/*
 * Drill 10: the running API fuzzed from its own OpenAPI document by Schemathesis, once per demo
 * role (a 403 for a route the role may not use is correct, when the document says so). Zero
 * server errors and zero responses the document does not allow: any status, content type or
 * body it does not declare counts.
 *
 * Sizes: reduced (default) 4 roles x at most 2 examples per operation and phase (examples,
 * coverage, fuzzing, stateful); CAREPATH_DRILLS=full 4 roles x 25 examples. CAREPATH_DRILL_SEED
 * replays a run (printed). The first run on a machine also installs Schemathesis (about 75 s,
 * see schemathesis-venv.ts).
 */
const full = process.env.CAREPATH_DRILLS === 'full';
const MAX_EXAMPLES = full ? 25 : 2;
/**
 * Stateful sequences follow the document's links (start a journey, then read, steer and message
 * it; claim a task, then complete it) in every run, a few steps each in the reduced size.
 */
const PHASES = 'examples,coverage,fuzzing,stateful';
const seed = Number(process.env.CAREPATH_DRILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ROLE_KEYS = {
  operator: 'dev-operator-key',
  integration: 'dev-integration-key',
  designer: 'dev-designer-key',
  auditor: 'dev-auditor-key',
} as const;
const CHECKS = [
  'not_a_server_error',
  'response_schema_conformance',
  'status_code_conformance',
  'content_type_conformance',
];

describe('drill: API fuzz from the OpenAPI document', () => {
  let stack: ApiStack;
  let schemathesis: string;
  let baseUrl: string;

  beforeAll(async () => {
    schemathesis = await ensureSchemathesis();
    // Its own namespace: the document's example patient (pat-1001) has deterministic journey
    // ids, and in the shared namespace another file's stack may have started those journeys on a
    // task queue whose worker is gone, so reading or changing them would wait out a deadline.
    stack = await startApiStack({
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      TEMPORAL_NAMESPACE: await createTestNamespace('fuzz'),
    });
    baseUrl = stack.config.publicBaseUrl;
  }, 300_000);
  afterAll(() => stack?.close());

  test.each(Object.entries(ROLE_KEYS))(
    `as %s: no 5xx and nothing the document does not allow (seed ${seed})`,
    async (role, key) => {
      const reportDir = mkdtempSync(join(tmpdir(), `carepath-fuzz-${role}-`));
      const junit = join(reportDir, 'junit.xml');
      const { code, output } = await run(
        schemathesis,
        [
          'run',
          `${baseUrl}/api/openapi.json`,
          '--url',
          baseUrl,
          '--header',
          `Authorization: Bearer ${key}`,
          '--checks',
          CHECKS.join(','),
          '--phases',
          PHASES,
          '--max-examples',
          String(MAX_EXAMPLES),
          '--seed',
          String(seed),
          '--workers',
          '1',
          '--request-timeout',
          '30',
          '--report',
          'junit',
          '--report-junit-path',
          junit,
          '--no-color',
          '--output-sanitize',
          'false',
        ],
        { cwd: reportDir, timeoutMs: full ? 1_500_000 : 170_000 },
      );
      const failures = failuresInJunit(readFileSync(junit, 'utf8')).map(formatFailure);
      const generated = /(\d+) generated/.exec(output)?.[1] ?? '?';
      console.log(
        `api-fuzz drill, ${role} (seed ${seed}): ${generated} test cases, ${failures.length} failures, exit ${code}\n${output}`,
      );
      // Every server error, undocumented status, content type or body, and document error, one per line.
      expect({ role, seed, failures }).toEqual({ role, seed, failures: [] });
      expect(code).toBe(0);
    },
    full ? 1_600_000 : 180_000,
  );
});
