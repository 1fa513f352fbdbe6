import { type PipeTransform } from '@nestjs/common';
import { deliveryChannels, type DeliveryChannel } from '../../contracts/delivery-channels';
import { badRequest } from '../errors/api-error';

export class ChannelPipe implements PipeTransform<string | undefined, DeliveryChannel | undefined> {
  constructor(private readonly required = true) {}

  transform(value: string | undefined): DeliveryChannel | undefined {
    if (value === undefined && !this.required) return undefined;
    if (!(deliveryChannels as readonly (string | undefined)[]).includes(value)) {
      throw badRequest('Unknown channel.', [
        { field: 'channel', message: `must be one of ${deliveryChannels.join(', ')}` },
      ]);
    }
    return value as DeliveryChannel;
  }
}
