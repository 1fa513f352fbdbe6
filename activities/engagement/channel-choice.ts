import type { ChannelConsent } from '../../persistence/entities/channel-consent.entity';
import type { PatientContact } from '../../persistence/entities/patient-contact.entity';
import type { DeliveryChannel } from '../../contracts/delivery-channels';
import type { EngagementPolicy } from '../../shared/engagement/engagement-policy';

export interface ChannelChoiceInput {
  patientRef: string;
  contact: PatientContact | null;
  consents: ChannelConsent[];
  policy: EngagementPolicy;
  /** The journey's first choice for this step, tried before the patient's own order. */
  requested?: DeliveryChannel;
  /** Channels this step already tried (failed, refused, or no answer in time). */
  exclude: DeliveryChannel[];
  /** Channels this deployment has a provider for. */
  available: ReadonlySet<DeliveryChannel>;
}

export type ChannelChoice =
  | { channel: DeliveryChannel; address: string }
  | { channel: null; reasons: Partial<Record<DeliveryChannel, string>> };

/**
 * The first channel, in the step's order, that the patient can be reached on and has consented
 * to. The reasons the others were passed over go to the journey timeline when none is left.
 */
export function chooseChannel(input: ChannelChoiceInput): ChannelChoice {
  const { contact, policy } = input;
  const order = [
    ...new Set([...(input.requested ? [input.requested] : []), ...channelOrder(contact, policy)]),
  ];
  const reasons: Partial<Record<DeliveryChannel, string>> = {};
  for (const channel of order) {
    const address = addressFor(channel, input.patientRef, contact);
    const consent = input.consents.find((row) => row.channel === channel);
    const consented = consent ? consent.status === 'granted' : policy.consentWithoutRecord[channel];
    if (input.exclude.includes(channel)) reasons[channel] = 'already tried for this message';
    else if (!input.available.has(channel)) reasons[channel] = 'no provider configured';
    else if (!address) reasons[channel] = 'no address on file';
    else if (!consented)
      reasons[channel] = consent ? `consent revoked (${consent.source})` : 'no consent on file';
    else return { channel, address };
  }
  return { channel: null, reasons };
}

function channelOrder(contact: PatientContact | null, policy: EngagementPolicy): DeliveryChannel[] {
  const order = contact?.channelOrder.length ? contact.channelOrder : policy.defaultChannelOrder;
  return order as DeliveryChannel[];
}

/** Email and SMS need an address; the portal an account; letters and calls go to staff by patient. */
function addressFor(
  channel: DeliveryChannel,
  patientRef: string,
  contact: PatientContact | null,
): string | null {
  switch (channel) {
    case 'email':
      return contact?.email ?? null;
    case 'sms':
      return contact?.phone ?? null;
    case 'portal':
      return contact?.portalEnabled ? patientRef : null;
    case 'call':
      return contact?.phone ? patientRef : null;
    case 'letter':
      return patientRef;
  }
}
