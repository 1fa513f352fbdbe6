import type { DataSource } from 'typeorm';
import { insertOnce } from '../../../database/insert-once';
import { StaffTask } from '../../../database/staff-task.entity';
import type { ChannelAdapter, OutboundMessage } from '../channel-adapter';

const titles: Record<'call' | 'letter', string> = {
  call: 'Call the patient',
  letter: 'Print and post a letter to the patient',
};

/**
 * Letters and phone calls are done by people: the message becomes a task in the staff queue
 * (with the text to read out or print), created once per delivery attempt. Completing the task
 * through the API tells the journey how it went.
 */
export function createStaffWorkAdapter(dataSource: DataSource, channel: 'call' | 'letter'): ChannelAdapter {
  const send = async (message: OutboundMessage) => {
    const { id } = await insertOnce(dataSource, StaffTask, {
      idempotencyKey: message.idempotencyKey,
      journeyId: message.journeyId ?? '',
      patientRef: message.to,
      kind: channel,
      priority: message.urgent ? 'urgent' : 'routine',
      title: message.content.subject ? `${titles[channel]}: ${message.content.subject}` : titles[channel],
      details: { outreachMessageId: message.messageId, text: message.content.text },
      dueAt: null,
      status: 'open',
    });
    return { status: 'sent' as const, providerMessageId: id };
  };
  // The task's insert is itself keyed by the attempt, so "did it happen?" is the same call.
  return { channel, send, findSent: async (message) => [await send(message)] };
}
