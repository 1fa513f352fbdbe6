import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One read or change of patient-level data through the API, or a refused attempt at one: who
 * (role and key holder name), what (action, method, route template), when, which journey and
 * patient, and the answer's status. Never the request body, query values or response data: the
 * trail must not become a second copy of the health information it guards. Patient ids are
 * the EHR's opaque ids.
 */
@Entity({ name: 'audit_event' })
export class AuditEvent {
  /** Ever increasing, so "newest first" and its page cursor need no clock ties broken. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** designer, operator, integration, auditor, or `signed` for callers known by a signature. */
  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  /** The API key holder's name (`API_KEYS`), or what signed the request (`ehr-webhook`...). */
  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  /** `journey.read`, `journey.cancel`, `patient.contact.update`... */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  method!: string;

  /** The route as declared (`/api/journeys/:id`), never the concrete URL with its values. */
  @Column({ type: 'text' })
  route!: string;

  @Column({ name: 'journey_id', type: 'text', nullable: true })
  journeyId!: string | null;

  @Column({ name: 'patient_id', type: 'text', nullable: true })
  patientId!: string | null;

  /** The patient's opaque reference, where the request named no patient id (journey reads, STOP, unsubscribe). */
  @Column({ name: 'patient_ref', type: 'text', nullable: true })
  patientRef!: string | null;

  /** The journey definition a designer's change concerned (create, draft save, publish). */
  @Column({ name: 'definition_id', type: 'text', nullable: true })
  definitionId!: string | null;

  /** The HTTP status answered; null while a change is under way (or if the process died during it). */
  @Column({ name: 'outcome_status', type: 'int', nullable: true })
  outcomeStatus!: number | null;
}
