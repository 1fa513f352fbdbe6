import { Resource } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import { Worker } from '@temporalio/worker';
import { historyFixtures } from '../helpers/history-fixtures';
import { journeyWorkflowBundle, tracedJourneyWorkflowBundle } from '../helpers/workflow-bundle';
import { testDataConverter } from '../helpers/test-payload-encryption';

/*
 * Determinism guard: every committed journey history must replay on today's workflow code.
 * A failure here means running journeys would break on deploy; fix it with `patched()`.
 */
const fixtures = historyFixtures();
/**
 * One test replays every fixture in turn (about a hundred, a second each on a loaded machine,
 * where 60 s ran out): the whole set is its unit of work.
 */
const ALL_FIXTURES_TIMEOUT_MS = 5 * 60_000;

describe('[HZ-89] recorded journey histories replay on the current workflow code', () => {
  test('there are fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    await Worker.runReplayHistory(
      // Older fixtures hold clear payloads (recorded before encryption), newer ones ciphertext.
      { workflowBundle: await journeyWorkflowBundle(), dataConverter: testDataConverter },
      fixture.history,
      fixture.workflowId,
    );
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
      const workflowBundle = await tracedJourneyWorkflowBundle();
      const sinks = {
        exporter: makeWorkflowExporter(
          new SimpleSpanProcessor(new InMemorySpanExporter()),
          new Resource({ 'service.name': 'replay' }),
        ),
      };
      const failed: string[] = [];
      for (const fixture of fixtures) {
        await Worker.runReplayHistory(
          { workflowBundle, dataConverter: testDataConverter, sinks },
          fixture.history,
          fixture.workflowId,
        ).catch(() => failed.push(fixture.name));
      }
      expect(failed).toEqual([]);
    },
    ALL_FIXTURES_TIMEOUT_MS,
  );
});
