import { Worker } from '@temporalio/worker';
import { historyFixtures } from '../helpers/history-fixtures';
import { journeyWorkflowBundle } from '../helpers/workflow-bundle';

/*
 * Determinism guard: every committed journey history must replay on today's workflow code.
 * A failure here means running journeys would break on deploy; fix it with `patched()`.
 */
const fixtures = historyFixtures();

describe('recorded journey histories replay on the current workflow code', () => {
  test('there are fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    await Worker.runReplayHistory(
      { workflowBundle: await journeyWorkflowBundle() },
      fixture.history,
      fixture.workflowId,
    );
  });
});
