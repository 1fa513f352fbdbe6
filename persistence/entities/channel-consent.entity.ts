import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ConsentStatus = 'granted' | 'revoked';

/** The patient's current consent for one channel, and what last changed it (API, STOP keyword, unsubscribe link, EHR). */
@Entity({ name: 'channel_consent' })
export class ChannelConsent {
  @PrimaryColumn({ name: 'patient_ref', type: 'text' })
  patientRef!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  status!: ConsentStatus;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
