import { BadRequestException } from '@nestjs/common';
import { deliveryChannels } from '../../contracts/delivery-channels';
import { ChannelPipe } from './channel.pipe';

describe(ChannelPipe.name, () => {
  it.each(deliveryChannels)('takes the channel %s', (channel) => {
    expect(new ChannelPipe().transform(channel)).toBe(channel);
  });

  it('answers 400 listing the channels for one it does not know, case included', () => {
    for (const value of ['fax', 'SMS', '', undefined]) {
      expect(() => new ChannelPipe().transform(value)).toThrow(BadRequestException);
    }
    try {
      new ChannelPipe().transform('fax');
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toEqual({
        message: 'Unknown channel.',
        errors: [{ field: 'channel', message: `must be one of ${deliveryChannels.join(', ')}` }],
      });
    }
  });

  it('lets an optional channel be absent, but not wrong', () => {
    const optional = new ChannelPipe(false);
    expect(optional.transform(undefined)).toBeUndefined();
    expect(() => optional.transform('fax')).toThrow(BadRequestException);
  });
});
