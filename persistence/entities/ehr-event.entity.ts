import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * `received` is written before anything is applied; `applied` and `ignored` are final (a
 * redelivery is then a duplicate); `failed` means a transient failure (Temporal or the EHR
 * unreachable), applied again when the sender redelivers the event; `waiting` means no journey
 * took it because the patient's journey had not started yet: it is applied when that journey
 * starts (read again from the EHR), or when the sender redelivers it.
 */
export type EhrEventStatus = 'received' | 'applied' | 'ignored' | 'failed' | 'waiting';

export const FINAL_EHR_EVENT_STATUSES: readonly EhrEventStatus[] = ['applied', 'ignored'];

/**
 * The EHR inbox: one row per event received (a notification event, a posted resource, a bundle
 * entry), stored before it is applied and before the sender hears back. The dedupe key makes a
 * redelivery find its row instead of applying twice. Rows name resources and the pseudonymous
 * patient reference, never the patient id; the resource itself is not kept (the sender
 * redelivers what was not acknowledged).
 */
@Entity({ name: 'ehr_event' })
export class EhrEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `event|<subscription>|<n>`, `version|<type>/<id>/_history/<v>`, or `content|<sha256>`. */
  @Column({ name: 'dedupe_key', type: 'text', unique: true })
  dedupeKey!: string;

  /** `subscription`, `transaction`, `batch`, `collection` or `resource`. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  subscription!: string | null;

  @Column({ type: 'text', nullable: true })
  topic!: string | null;

  /** Counted by the EHR since the subscription started; bigint, read back as a string by pg. */
  @Column({ name: 'event_number', type: 'bigint', nullable: true })
  eventNumber!: string | null;

  /** `full-resource`, `id-only` or `empty` for notifications. */
  @Column({ name: 'payload_content', type: 'text', nullable: true })
  payloadContent!: string | null;

  @Column({ name: 'resource_type', type: 'text', nullable: true })
  resourceType!: string | null;

  @Column({ name: 'resource_id', type: 'text', nullable: true })
  resourceId!: string | null;

  @Column({ name: 'resource_version', type: 'text', nullable: true })
  resourceVersion!: string | null;

  @Column({ name: 'patient_ref', type: 'text', nullable: true })
  patientRef!: string | null;

  /** When it happened in the patient's care (the order it was applied in). */
  @Column({ name: 'effective_at', type: 'timestamptz', nullable: true })
  effectiveAt!: Date | null;

  @Column({ type: 'text' })
  status!: EhrEventStatus;

  /** What happened: outcome, rule, reason, journeys told, the event sent. No names or contact data. */
  @Column({ type: 'jsonb', nullable: true })
  outcome!: Record<string, unknown> | null;

  /** Journeys this event started or was applied to: later events about the same resources follow them. */
  @Column({ name: 'journey_ids', type: 'text', array: true, default: () => "'{}'" })
  journeyIds!: string[];

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  /** When the row became final (applied or ignored). */
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;
}
