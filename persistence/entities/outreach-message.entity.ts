import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Where a delivery attempt stands. `sending` is written before the provider is called, so a
 * crash between the provider's answer and the log update is noticed on retry; `uncertain` is
 * such an attempt whose provider cannot say whether it took the message (never sent again).
 */
export type OutreachStatus = 'sending' | 'sent' | 'delivered' | 'read' | 'uncertain' | 'rejected' | 'failed';

/** Statuses that count as a message the patient got (or may have got): never sent again. */
export const DELIVERED_STATUSES: OutreachStatus[] = ['sending', 'sent', 'delivered', 'read', 'uncertain'];

/**
 * The outreach log: one row per delivery attempt of a journey step on a channel. The
 * idempotency key (`<journey>/<step>#<channel>`) makes each step reach each channel at most once;
 * portal rows are also the patient's portal inbox.
 */
@Entity({ name: 'outreach_message' })
export class OutreachMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  /** `<journey>/<step>`: the journey step this attempt delivers (null on rows logged before attempts). */
  @Column({ name: 'step_key', type: 'text', nullable: true })
  stepKey!: string | null;

  @Column({ name: 'journey_id', type: 'text' })
  journeyId!: string;

  @Column({ name: 'patient_ref', type: 'text' })
  patientRef!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  template!: string;

  @Column({ type: 'text', default: 'sent' })
  status!: OutreachStatus;

  @Column({ type: 'boolean', default: false })
  urgent!: boolean;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ name: 'reading_level', type: 'text', nullable: true })
  readingLevel!: string | null;

  /** The template file used, so the log says exactly which wording the patient got. */
  @Column({ name: 'template_file', type: 'text', nullable: true })
  templateFile!: string | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId!: string | null;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_reason', type: 'text', nullable: true })
  errorReason!: string | null;

  /** The journey's clock when it asked for the send: the day the frequency cap counts it on. */
  @Column({ name: 'planned_at', type: 'timestamptz' })
  plannedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'status_updated_at', type: 'timestamptz' })
  statusUpdatedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
