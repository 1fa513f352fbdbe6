import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CallPreferences } from '../../shared/engagement/call-preferences';

export type QuietHoursOverride = Partial<Record<string, { start: string; end: string } | null>>;

/**
 * How to reach a patient: addresses, preferred channels in order, language, reading level and
 * time zone. Keyed by the pseudonymous patient reference; the EHR integration keeps it current.
 */
@Entity({ name: 'patient_contact' })
export class PatientContact {
  @PrimaryColumn({ name: 'patient_ref', type: 'text' })
  patientRef!: string;

  /** For greetings only. */
  @Column({ name: 'given_name', type: 'text', nullable: true })
  givenName!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** E.164 mobile number. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'portal_enabled', type: 'boolean', default: false })
  portalEnabled!: boolean;

  @Column({ type: 'text', default: 'en' })
  language!: string;

  @Column({ name: 'reading_level', type: 'text', default: 'plain' })
  readingLevel!: 'plain' | 'standard';

  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  /** Preferred channels, most preferred first. */
  @Column({ name: 'channel_order', type: 'text', array: true })
  channelOrder!: string[];

  /** Per-channel quiet hours that replace the policy's (null: none for that channel). */
  @Column({ name: 'quiet_hours', type: 'jsonb', nullable: true })
  quietHours!: QuietHoursOverride | null;

  /** The number and weekly times the patient takes staff calls on (from the EHR); absent: none known. */
  @Column({ name: 'call_preferences', type: 'jsonb', nullable: true })
  callPreferences?: CallPreferences | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
