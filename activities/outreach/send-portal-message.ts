import type { DataSource } from 'typeorm';
import { sendMessageActivity, type PatientMessageRequest, type PatientMessageResult } from './send-message';

export type PortalMessageRequest = Omit<PatientMessageRequest, 'channel'>;

/**
 * The activity appointment-reminder journeys started before `sendMessage` existed still schedule
 * by this name; it stays registered as long as such a journey can be running or replayed.
 */
export function sendPortalMessageActivity(dataSource: DataSource) {
  const sendMessage = sendMessageActivity(dataSource);
  return (request: PortalMessageRequest): Promise<PatientMessageResult> =>
    sendMessage({ ...request, channel: 'portal' });
}
