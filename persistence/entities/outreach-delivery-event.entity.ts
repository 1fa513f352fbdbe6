import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One status change of a delivery: our own (sending, sent) and the provider's callbacks (delivered, bounced). */
@Entity({ name: 'outreach_delivery_event' })
export class OutreachDeliveryEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ type: 'text' })
  status!: string;

  /** `delivery` (this service), `provider` (a status callback), `patient` (read in the portal). */
  @Column({ type: 'text' })
  source!: string;

  /** Provider status or error code; never message content. */
  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
