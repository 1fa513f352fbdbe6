import type { DataSource } from 'typeorm';
import { sendPortalMessageActivity } from './outreach/send-portal-message';

export interface ActivityDependencies {
  dataSource: DataSource;
}

/** Every activity the worker registers, built from injected dependencies. */
export function createActivities({ dataSource }: ActivityDependencies) {
  return {
    sendPortalMessage: sendPortalMessageActivity(dataSource),
  };
}

export type Activities = ReturnType<typeof createActivities>;
