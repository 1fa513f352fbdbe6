import type { DataSource } from 'typeorm';
import { sendMessageActivity } from './outreach/send-message';
import { sendPortalMessageActivity } from './outreach/send-portal-message';
import { createStaffTaskActivity } from './staff-tasks/create-staff-task';

export interface ActivityDependencies {
  dataSource: DataSource;
}

/** Every activity the worker registers, built from injected dependencies. */
export function createActivities({ dataSource }: ActivityDependencies) {
  return {
    sendMessage: sendMessageActivity(dataSource),
    sendPortalMessage: sendPortalMessageActivity(dataSource),
    createStaffTask: createStaffTaskActivity(dataSource),
  };
}

export type Activities = ReturnType<typeof createActivities>;
