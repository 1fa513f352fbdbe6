import type { DataSource } from 'typeorm';
import { insertOnce } from '../persistence/insert-once';
import { StaffTask } from '../persistence/entities/staff-task.entity';
import { PatientContactStore } from '../persistence/patient-contact-store';
import type { EngagementPolicy } from '../shared/engagement/engagement-policy';
import type { ChannelAdapter, OutboundMessage } from './channel-adapter';
import { callPlanFor } from '../shared/engagement/call-preferences';

const titles: Record<'call' | 'letter', string> = {
  call: 'Call the patient',
  letter: 'Print and post a letter to the patient',
};

/**
 * Letters and phone calls are done by people: the message becomes a task in the staff queue
 * (with the text to read out or print), created once per delivery attempt. Completing the task
 * through the API tells the journey how it went.
 */
export function createStaffWorkAdapter(
  dataSource: DataSource,
  channel: 'call' | 'letter',
  policy: EngagementPolicy,
): ChannelAdapter {
  const contacts = new PatientContactStore(dataSource);
  const send = async (message: OutboundMessage) => {
    // A call carries the number and times the patient takes calls, in their zone (call-preferences.ts).
    const call =
      channel === 'call'
        ? callPlanFor({
            contact: await contacts.find(message.to),
            policy,
            now: new Date(),
            urgent: message.urgent ?? false,
          })
        : undefined;
    const { id } = await insertOnce(dataSource, StaffTask, {
      idempotencyKey: message.idempotencyKey,
      journeyId: message.journeyId ?? '',
      patientRef: message.to,
      kind: channel,
      priority: message.urgent ? 'urgent' : 'routine',
      title: message.content.subject ? `${titles[channel]}: ${message.content.subject}` : titles[channel],
      details: {
        outreachMessageId: message.messageId,
        text: message.content.text,
        ...(call ? { call } : {}),
      },
      dueAt: null,
      status: 'open',
    });
    return { status: 'sent' as const, providerMessageId: id };
  };
  // The task's insert is itself keyed by the attempt, so "did it happen?" is the same call.
  return { channel, send, findSent: async (message) => [await send(message)] };
}
