import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** One run of a journey that continues as new: its history's length and encoded sizes. */
export interface RunHistory {
  events: number;
  bytes: number;
  /** The run's input (the state carried from the run before, encrypted): what continue-as-new keeps bounded. */
  inputBytes: number;
  /** Timers cancelled before they fired: a journey that restarts its timer at every event shows it here. */
  timersCancelled: number;
}

/** Each run's history, from the first run along its continued-as-new links to the last. */
export async function historiesOfRuns(
  client: Client,
  workflowId: string,
  firstRunId: string,
): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  for (let runId: string | undefined = firstRunId; runId;) {
    const history: temporal.api.history.v1.IHistory = await client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    const input = events[0]?.workflowExecutionStartedEventAttributes?.input ?? {};
    runs.push({
      events: events.length,
      bytes: temporal.api.history.v1.History.encode(history).finish().length,
      inputBytes: temporal.api.common.v1.Payloads.encode(input).finish().length,
      timersCancelled: events.filter(
        (event) => event.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_CANCELED,
      ).length,
    });
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}
