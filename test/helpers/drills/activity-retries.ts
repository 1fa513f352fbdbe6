import type { DrillStack } from './drill-stack';
import type { DrillJourney } from './reminder-journeys';

/**
 * Activities that needed more than one attempt, read from the journeys' histories: an activity
 * retried after a failure records the attempt it finally started with. The proof that a fault
 * reached the activities, not only the API.
 */
export async function retriedActivities(stack: DrillStack, journeys: DrillJourney[]): Promise<number> {
  let retried = 0;
  for (const journey of journeys) {
    const history = await stack.temporal.workflow.getHandle(journey.id).fetchHistory();
    for (const event of history.events ?? []) {
      if ((event.activityTaskStartedEventAttributes?.attempt ?? 1) > 1) retried += 1;
    }
  }
  return retried;
}
