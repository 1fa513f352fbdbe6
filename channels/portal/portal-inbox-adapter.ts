import type { ChannelAdapter } from '../channel-adapter';

/**
 * The patient-portal inbox is the outreach log itself: a portal row is in the inbox as soon as
 * it is written, and the portal reads it (and marks it read) through the API. Sending is
 * therefore only a status change, done by the delivery activity.
 */
export function createPortalInboxAdapter(): ChannelAdapter {
  return {
    channel: 'portal',
    send: (message) => Promise.resolve({ status: 'sent', providerMessageId: message.messageId }),
    findSent: (message) => Promise.resolve([{ providerMessageId: message.messageId }]),
  };
}
