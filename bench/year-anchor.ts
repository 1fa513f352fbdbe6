import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { createTimeSkippingEnvironment } from '../test/helpers/time-skipping';
import { testDataConverter } from '../test/helpers/test-payload-encryption';
import { uniqueName } from '../test/helpers/test-stack';
import { round } from './percentiles';
import {
  yearAnchorEventUpdate,
  type YearAnchorActivities,
  type YearAnchorInput,
} from './anchor/year-anchor.workflow';
import { quietBundlerLogger } from '../test/helpers/quiet-bundler-logger';

/** The year anchor's run: real seconds from its start to its result, and its history's length. */
export interface YearAnchorRun {
  realSeconds: number;
  events: number;
}

/**
 * Runs the year anchor (anchor/year-anchor.workflow.ts) through the year's client script, on a
 * time-skipping server of its own: `eventsPerWeek` updates and a week's sleep, `weeks` times.
 */
export async function measureYearAnchor(weeks: number, eventsPerWeek: number): Promise<YearAnchorRun> {
  const env = await createTimeSkippingEnvironment();
  const taskQueue = uniqueName('bench-year-anchor');
  const activities: YearAnchorActivities = {
    deliver: () => Promise.resolve('sent'),
    writeBack: () => Promise.resolve(),
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    dataConverter: testDataConverter,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./anchor/year-anchor.workflow'),
      logger: quietBundlerLogger,
    }),
    activities,
  });
  const running = worker.run();
  try {
    const began = performance.now();
    const input: YearAnchorInput = { weeks };
    const handle: WorkflowHandle = await env.client.workflow.start('yearAnchorWorkflow', {
      taskQueue,
      workflowId: uniqueName('year-anchor'),
      args: [input],
    });
    // The year's script: off the timers' hour, then each week's events and the week.
    await env.sleep('30 hours');
    for (let week = 0; week < weeks; week++) {
      for (let event = 0; event < eventsPerWeek; event++) {
        await handle.executeUpdate(yearAnchorEventUpdate, { args: [{ type: 'reading' }] });
      }
      await env.sleep('7 days');
    }
    await handle.executeUpdate(yearAnchorEventUpdate, { args: [{ type: 'reading' }] });
    await handle.result();
    const realSeconds = (performance.now() - began) / 1000;
    const history = await handle.fetchHistory();
    return { realSeconds: round(realSeconds, 2), events: history.events?.length ?? 0 };
  } finally {
    worker.shutdown();
    await running;
    await env.teardown();
  }
}
