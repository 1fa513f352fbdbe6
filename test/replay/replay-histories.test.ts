import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { historyFixtures } from '../helpers/history-fixtures';
import { journeyWorkflowBundle, tracedJourneyWorkflowBundle } from '../helpers/workflow-bundle';
import { testDataConverter } from '../helpers/test-payload-encryption';

/*
 * Determinism guard: every committed journey history must replay on today's workflow code.
 * A failure here means running journeys would break on deploy; fix it with `patched()`.
 *
 * One replay worker replays every history (the SDK's batch replay, each history its own workflow
 * run with its own result): a worker per history loaded the 4 MB bundle 184 times, most of this
 * file's minute and a half.
 */
const fixtures = historyFixtures();
/**
 * Every fixture is replayed in one batch (about a hundred histories, each up to a second on a
 * loaded machine, where 60 s ran out): the whole set is the unit of work, and its time limit.
 */
const ALL_FIXTURES_TIMEOUT_MS = 5 * 60_000;

/** Each fixture's replay error (undefined when it replayed), by workflow id. */
async function replayEveryFixture(options: ReplayWorkerOptions): Promise<Map<string, Error | undefined>> {
  const results = new Map<string, Error | undefined>();
  const histories = fixtures.map((fixture) => ({ history: fixture.history, workflowId: fixture.workflowId }));
  for await (const result of Worker.runReplayHistories(options, histories)) {
    results.set(result.workflowId, result.error);
  }
  return results;
}

describe('[HZ-89] recorded journey histories replay on the current workflow code', () => {
  let replayed: Map<string, Error | undefined>;

  beforeAll(async () => {
    // Older fixtures hold clear payloads (recorded before encryption), newer ones ciphertext.
    replayed = await replayEveryFixture({
      workflowBundle: await journeyWorkflowBundle(),
      dataConverter: testDataConverter,
    });
  }, ALL_FIXTURES_TIMEOUT_MS);

  test('there are fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    expect(replayed.has(fixture.workflowId)).toBe(true);
    const error = replayed.get(fixture.workflowId);
    if (error) throw error;
  });
});

/*
 * Traces on (OTEL_TRACES_EXPORTER) bundle the OpenTelemetry workflow interceptors into the same
 * workflow code: headers and sink calls are no commands, so every history replays with them too.
 */
describe('recorded journey histories replay with the tracing workflow interceptors', () => {
  test(
    'every fixture',
    async () => {
      const sinks = {
        exporter: makeWorkflowExporter(
          new SimpleSpanProcessor(new InMemorySpanExporter()),
          new Resource({ 'service.name': 'replay' }),
        ),
      };
      const replayed = await replayEveryFixture({
        workflowBundle: await tracedJourneyWorkflowBundle(),
        dataConverter: testDataConverter,
        sinks,
      });
      expect([...replayed.keys()].sort()).toEqual(fixtures.map((fixture) => fixture.workflowId).sort());
      const failed = fixtures
        .filter((fixture) => replayed.get(fixture.workflowId))
        .map((fixture) => fixture.name);
      expect(failed).toEqual([]);
    },
    ALL_FIXTURES_TIMEOUT_MS,
  );
});
