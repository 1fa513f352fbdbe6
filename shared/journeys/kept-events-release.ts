import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { keptEventsDeliveredUpdate } from '../../contracts/journey-contract';

/** How long the release waits for a worker to take it; past it, the journey's own hold runs out. */
const RELEASE_TIMEOUT_MS = 15_000;

/**
 * Tells a journey started with `keptEvents` that its kept EHR events are delivered, so it takes
 * its first step (HZ-35). Once per journey (a fixed update id): a second release is the first.
 * A journey that ended meanwhile (a kept death) or already went on after its hold is not held:
 * nothing to do. Other failures are thrown; the journey's hold times out on its own.
 */
export async function releaseKeptEventsHold(
  temporal: Client,
  workflowId: string,
  applied: number,
): Promise<void> {
  try {
    await temporal.withDeadline(Date.now() + RELEASE_TIMEOUT_MS, () =>
      temporal.workflow.getHandle(workflowId).executeUpdate(keptEventsDeliveredUpdate, {
        args: [{ applied }],
        updateId: 'kept-events-delivered',
      }),
    );
  } catch (error) {
    if (error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError) return;
    throw error;
  }
}
