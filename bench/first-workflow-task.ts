import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import type { temporal } from '@temporalio/proto';
import { summarize, type LatencySummary } from './percentiles';

/**
 * How long new journeys waited for their first workflow task, read from their histories: queued
 * (scheduled to started: the worker had no free poller or slot) and run (started to completed:
 * the worker's own work). A progress query answers only after that task, so this is where a
 * start-then-read spends its time beyond the two round trips.
 */
export interface FirstWorkflowTaskTimes {
  sampled: number;
  queuedMs: LatencySummary;
  runMs: LatencySummary;
}

const SAMPLE_SIZE = 50;

export async function firstWorkflowTaskTimes(
  client: Client,
  workflowIds: string[],
): Promise<FirstWorkflowTaskTimes> {
  const step = Math.max(1, Math.floor(workflowIds.length / SAMPLE_SIZE));
  const queued: number[] = [];
  const run: number[] = [];
  for (let index = 0; index < workflowIds.length && queued.length < SAMPLE_SIZE; index += step) {
    const events = await historyEvents(client, workflowIds[index]!);
    const at = (kind: keyof temporal.api.history.v1.IHistoryEvent) => {
      const event = events.find((candidate) => candidate[kind]);
      return event ? tsToMs(event.eventTime) : undefined;
    };
    const scheduled = at('workflowTaskScheduledEventAttributes');
    const started = at('workflowTaskStartedEventAttributes');
    const completed = at('workflowTaskCompletedEventAttributes');
    if (scheduled === undefined || started === undefined || completed === undefined) continue;
    queued.push(started - scheduled);
    run.push(completed - started);
  }
  return { sampled: queued.length, queuedMs: summarize(queued), runMs: summarize(run) };
}

async function historyEvents(
  client: Client,
  workflowId: string,
): Promise<temporal.api.history.v1.IHistoryEvent[]> {
  try {
    return (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  } catch (error) {
    // autocannon builds one request per connection ahead of time: a patient it never sent.
    if (error instanceof WorkflowNotFoundError) return [];
    throw error;
  }
}
