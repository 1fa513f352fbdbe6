import type { Communication } from '@medplum/fhirtypes';
import { productChannel } from '../../../channels';
import type { OutreachMessage, OutreachStatus } from '../../../persistence/entities/outreach-message.entity';
import { journeyExtension, OUTREACH_MESSAGE_SYSTEM } from '../../../shared/ehr/carepath-identifiers';

const COMMUNICATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/communication-category';
const DELIVERY_OUTCOME = 'https://carepath.dev/fhir/CodeSystem/delivery-outcome';

/**
 * The Communication status for an outreach status; undefined while the attempt is `sending`
 * (whether the patient got it is not known yet). `uncertain` (a provider that could not say)
 * is FHIR's `unknown`; a refusal or a failed delivery means the patient was not reached.
 */
const statusByOutreach: Record<OutreachStatus, Communication['status'] | undefined> = {
  sending: undefined,
  sent: 'completed',
  delivered: 'completed',
  read: 'completed',
  uncertain: 'unknown',
  rejected: 'not-done',
  failed: 'not-done',
};

export function communicationStatusOf(status: OutreachStatus): Communication['status'] | undefined {
  return statusByOutreach[status];
}

/** The EHR's record of one message Carepath sent (or tried to): what, when, how, to whom, for which journey. */
export function communicationForMessage(
  message: OutreachMessage,
  patientId: string,
): Communication | undefined {
  const status = communicationStatusOf(message.status);
  if (!status) return undefined;
  const patient = { reference: `Patient/${patientId}` };
  const medium = productChannel(message.channel)?.medium;
  const reached = status === 'completed' || status === 'unknown';
  const sentAt = message.sentAt ?? (reached ? message.statusUpdatedAt : null);
  return {
    resourceType: 'Communication',
    ...(message.language ? { language: message.language } : {}),
    extension: [journeyExtension(message.journeyId)],
    identifier: [{ system: OUTREACH_MESSAGE_SYSTEM, value: message.id }],
    status,
    ...(status === 'not-done'
      ? {
          statusReason: {
            coding: [{ system: DELIVERY_OUTCOME, code: message.status }],
            text: message.errorCode
              ? `${message.status} (provider code ${message.errorCode})`
              : message.status,
          },
        }
      : {}),
    category: [
      { coding: [{ system: COMMUNICATION_CATEGORY, code: 'notification', display: 'Notification' }] },
    ],
    priority: message.urgent ? 'urgent' : 'routine',
    medium: [
      {
        // Each channel module declares its medium; a name the product does not ship has none.
        coding: medium ? [medium] : [],
        text: message.channel,
      },
    ],
    subject: patient,
    recipient: [patient],
    ...(message.subject ? { topic: { text: message.subject } } : {}),
    ...(sentAt ? { sent: sentAt.toISOString() } : {}),
    payload: [{ contentString: message.body }],
  };
}
