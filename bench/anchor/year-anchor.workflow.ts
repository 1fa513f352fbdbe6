import { defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

/*
 * The floor of the time-skipped year (figure 3): what the same client script costs on the same
 * time-skipping server, worker options and encrypting data converter when the workflow does the
 * least the program's shape asks of it. It takes every event as an update (a counter), sleeps a
 * week at a time on one timer, and at each week's end awaits one activity and starts another it
 * does not wait for (a message and its write-back). No contract, timeline, search attributes,
 * continue-as-new or database. It is bundled and run only by the bench.
 */

export interface YearAnchorInput {
  weeks: number;
}

export const yearAnchorEventUpdate = defineUpdate<number, [{ type: string }]>('yearAnchorEvent');

export interface YearAnchorActivities {
  deliver(): Promise<string>;
  writeBack(): Promise<void>;
}

const activities = proxyActivities<YearAnchorActivities>({ startToCloseTimeout: '30 seconds' });

export async function yearAnchorWorkflow(input: YearAnchorInput): Promise<number> {
  let events = 0;
  setHandler(yearAnchorEventUpdate, () => ++events);
  // One week past the last, as the program's retest wait outlasts its last session.
  for (let week = 0; week <= input.weeks; week++) {
    await sleep('7 days');
    await activities.deliver();
    void activities.writeBack();
  }
  return events;
}
