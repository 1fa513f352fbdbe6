import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An inbound SMS the provider delivered to us, by its message id only (never the text or the
 * number): a replayed webhook (a captured STOP sent again after START) finds its id here and
 * changes nothing.
 */
@Entity({ name: 'sms_inbound_message' })
export class SmsInboundMessage {
  @PrimaryColumn({ name: 'provider_message_id', type: 'text' })
  providerMessageId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
