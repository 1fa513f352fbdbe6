import { deliveryChannels, type DeliveryChannel } from '../contracts/delivery-channels';
import type { ChannelModule } from './channel-module';
import { callChannel } from './call';
import { emailChannel } from './email';
import { letterChannel } from './letter';
import { portalChannel } from './portal';
import { smsChannel } from './sms';

/**
 * The channels the product ships, one module each. Keyed by the `DeliveryChannel` union, so a
 * name added there without its module (or a module without its name) does not compile.
 */
const productChannelModules: { [Name in DeliveryChannel]: ChannelModule<unknown, Name> } = {
  email: emailChannel,
  sms: smsChannel,
  portal: portalChannel,
  letter: letterChannel,
  call: callChannel,
};

/** In `deliveryChannels` order. The default of every composition root that takes a channel list. */
export const productChannels: readonly ChannelModule[] = deliveryChannels.map(
  (name) => productChannelModules[name],
);

/** The module of a product channel; undefined for a name the product does not ship. */
export function productChannel(name: string): ChannelModule | undefined {
  return (productChannelModules as Partial<Record<string, ChannelModule>>)[name];
}
