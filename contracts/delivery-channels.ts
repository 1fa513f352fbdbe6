/** Every way a message can reach a patient. `letter` and `call` are work for staff. */
export const deliveryChannels = ['email', 'sms', 'portal', 'letter', 'call'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];
