import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Event numbers of a subscription that never arrived: from the first missing number to the last,
 * as seen when a later event (or a heartbeat's counter) showed them missing. Recover them with
 * the subscription's `$events` operation (or a search); the gap is resolved once every number in
 * it has reached the inbox.
 */
@Entity({ name: 'ehr_event_gap' })
export class EhrEventGap {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  subscription!: string;

  @Column({ name: 'from_number', type: 'bigint' })
  fromNumber!: string;

  @Column({ name: 'to_number', type: 'bigint' })
  toNumber!: string;

  @Column({ name: 'detected_at', type: 'timestamptz', default: () => 'now()' })
  detectedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
