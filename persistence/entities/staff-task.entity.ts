import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type StaffTaskPriority = 'routine' | 'urgent';
export type StaffTaskStatus = 'open' | 'claimed' | 'done' | 'cancelled';

/** Work for a person (a coordinator, a nurse): escalations, calls, referrals. One per journey step. */
@Entity({ name: 'staff_task' })
export class StaffTask {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ name: 'journey_id', type: 'text' })
  journeyId!: string;

  @Column({ name: 'patient_ref', type: 'text' })
  patientRef!: string;

  /** The EHR patient id, when the journey has one: the work list reads the patient's name with it. */
  @Column({ name: 'patient_id', type: 'text', nullable: true })
  patientId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  priority!: StaffTaskPriority;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'text' })
  status!: StaffTaskStatus;

  /** Who is working on it (a staff member's name or id, given when claiming). */
  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** How it went (`reached`, `no-answer`, `done`...): sent to the journey as well. */
  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
