import type { Activities } from '../activities';
import { summarisedActivities } from './activity-summaries';

/*
 * Activity stubs shared by every journey. Deliveries and tasks are idempotent by key, so they
 * retry without limit (with back-off) through an outage; a journey must never skip a step
 * because a database or provider was briefly down.
 */
export const journeyActivities = summarisedActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '5 minutes' },
});
