import type { ChannelConsent } from '../../persistence/entities/channel-consent.entity';
import type { PatientContact } from '../../persistence/entities/patient-contact.entity';
import type { DeliveryChannel } from '../../contracts/delivery-channels';
import type { EngagementPolicy } from '../../shared/engagement/engagement-policy';
import type { ChannelModule } from '../../channels/channel-module';
import { productChannel } from '../../channels';

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
  available: ReadonlySet<string>;
  /** The module of a channel by name (its address); unset: the product's. */
  moduleOf?: (name: string) => ChannelModule | undefined;
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
    const module = (input.moduleOf ?? productChannel)(channel);
    const address = module?.addressOf(contact, input.patientRef);
    const consent = input.consents.find((row) => row.channel === channel);
    // A channel the policy does not know (one registered at runtime) needs a recorded grant.
    const consented = consent
      ? consent.status === 'granted'
      : (policy.consentWithoutRecord[channel] ?? false);
    if (input.exclude.includes(channel)) reasons[channel] = 'already tried for this message';
    else if (!module || !input.available.has(channel)) reasons[channel] = 'no provider configured';
    else if (!address) reasons[channel] = 'no address on file';
    else if (!consented)
      reasons[channel] = consent ? `consent revoked (${consent.source})` : 'no consent on file';
    else return { channel, address };
  }
  return { channel: null, reasons };
}

/**
 * Names as stored: the product's channels, or one registered at runtime (channel-module.ts says
 * why such a name travels typed as a `DeliveryChannel`).
 */
function channelOrder(contact: PatientContact | null, policy: EngagementPolicy): DeliveryChannel[] {
  const order = contact?.channelOrder.length ? contact.channelOrder : policy.defaultChannelOrder;
  return order as DeliveryChannel[];
}
