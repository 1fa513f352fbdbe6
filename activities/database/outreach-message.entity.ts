import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One message a journey delivered to a patient; the idempotency key makes each journey step send at most once. */
@Entity({ name: 'outreach_message' })
export class OutreachMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ name: 'journey_id', type: 'text' })
  journeyId!: string;

  @Column({ name: 'patient_ref', type: 'text' })
  patientRef!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  template!: string;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
