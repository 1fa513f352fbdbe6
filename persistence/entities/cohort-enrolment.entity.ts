import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * `starting`: claimed by a finder run, the journey start not yet confirmed (a crash in between is
 * finished by the next run); `enrolled`: the finder started the journey; `already-in-journey`: a
 * journey for the item was running already (started by staff, an EHR event or an earlier cycle)
 * and covers this cycle.
 */
export type CohortEnrolmentStatus = 'starting' | 'enrolled' | 'already-in-journey';

/**
 * The cohort finder's memory: one row per patient, screening item and due cycle it acted on, so
 * a patient is enrolled at most once per cycle, however often the finder runs and even after the
 * journey ended (declined, closed without booking). Only the pseudonymous patient reference.
 */
@Entity({ name: 'cohort_enrolment' })
@Unique('cohort_enrolment_cycle_key', ['patientRef', 'item', 'dueSince'])
export class CohortEnrolment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'patient_ref', type: 'text' })
  patientRef!: string;

  /** The preventive-outreach item (`mammogram`, `flu-shot`...). */
  @Column({ type: 'text' })
  item!: string;

  /** The due cycle: the day the patient fell due (YYYY-MM-DD). */
  @Column({ name: 'due_since', type: 'date' })
  dueSince!: string;

  @Column({ type: 'text' })
  status!: CohortEnrolmentStatus;

  /** The journey's (opaque) workflow id once known. */
  @Column({ name: 'journey_id', type: 'text', nullable: true })
  journeyId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'enrolled_at', type: 'timestamptz', nullable: true })
  enrolledAt!: Date | null;
}
