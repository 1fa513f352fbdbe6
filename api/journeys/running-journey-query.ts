import { ServiceError, WorkflowClient, type Client } from '@temporalio/client';
import { progressQuery, type JourneyProgress, type RunningExecution } from '../../contracts/journey-contract';

/**
 * What asking a journey for its progress, on the condition that it still runs, told:
 * - `answered`: it runs, and its answer carries the execution's facts (no describe needed);
 * - `older-worker`: it runs, but a worker older than those facts answered (describe for them);
 * - `no-worker`: nobody answered in time, or Temporal refused meanwhile (describe says whether it runs);
 * - `not-running`: Temporal refused it unasked (closed), found no such workflow, or it has no
 *   progress query (not a journey): describe says which, and how to read it.
 */
export type RunningJourneyRead =
  | { kind: 'answered'; progress: JourneyProgress; execution: RunningExecution }
  | { kind: 'older-worker'; progress: JourneyProgress }
  | { kind: 'no-worker' }
  | { kind: 'not-running' };

/**
 * One Temporal call for a running journey's read: the progress query, which Temporal refuses
 * at once for a closed execution (reject condition NOT_OPEN) instead of replaying its history on
 * a worker. So an answer means the journey runs, and with the facts the answer carries nothing
 * else needs asking.
 */
export class RunningJourneyQuery {
  private readonly openOnly: WorkflowClient;

  constructor(
    private readonly temporal: Client,
    private readonly timeoutMs: number,
  ) {
    // The API's own connection, data converter and interceptors (traces); only the condition differs.
    this.openOnly = new WorkflowClient({ ...temporal.workflow.options, queryRejectCondition: 'NOT_OPEN' });
  }

  async read(id: string): Promise<RunningJourneyRead> {
    try {
      // A gRPC deadline rather than a timer beside the call: the query ends with the request,
      // instead of retrying on after the API answered (and past its shutdown).
      const { execution, ...progress } = await this.temporal.withDeadline(Date.now() + this.timeoutMs, () =>
        this.openOnly.getHandle(id).query(progressQuery),
      );
      return execution ? { kind: 'answered', progress, execution } : { kind: 'older-worker', progress };
    } catch (error) {
      // Every other refusal (closed, absent, not a journey, a handler that failed) is read as before.
      return error instanceof ServiceError ? { kind: 'no-worker' } : { kind: 'not-running' };
    }
  }
}
