import { Worker } from '@temporalio/worker';
import { historyFixtures } from '../helpers/history-fixtures';
import { journeyWorkflowBundle } from '../helpers/workflow-bundle';
import { testDataConverter } from '../helpers/test-payload-encryption';

/*
 * Determinism guard: every committed journey history must replay on today's workflow code.
 * A failure here means running journeys would break on deploy; fix it with `patched()`.
 */
const fixtures = historyFixtures();

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
