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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
