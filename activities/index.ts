import type { DataSource } from 'typeorm';
import { deliverMessageActivity, type EngagementDependencies } from './engagement/deliver-message';
import { sendMessageActivity } from './outreach/send-message';
import { sendPortalMessageActivity } from './outreach/send-portal-message';
import { createStaffTaskActivity } from './staff-tasks/create-staff-task';

export interface ActivityDependencies {
  dataSource: DataSource;
  engagement: EngagementDependencies;
}

/** Every activity the worker registers, built from injected dependencies. */
export function createActivities({ dataSource, engagement }: ActivityDependencies) {
  return {
    deliverMessage: deliverMessageActivity(engagement),
    /** Journeys started before the engagement layer still schedule these two; they only log the message. */
    sendMessage: sendMessageActivity(dataSource),
    sendPortalMessage: sendPortalMessageActivity(dataSource),
    createStaffTask: createStaffTaskActivity(dataSource),
  };
}

export type Activities = ReturnType<typeof createActivities>;
