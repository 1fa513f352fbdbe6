import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's audit trail of patient-level reads and changes. Rows are only ever added (and a
 * change's outcome filled in once); the indexes serve the auditor's filters, newest first.
 */
export class CreateAuditEvent1764300000000 implements MigrationInterface {
  name = 'CreateAuditEvent1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_role text NOT NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        method text NOT NULL,
        route text NOT NULL,
        journey_id text,
        patient_id text,
        outcome_status int CHECK (outcome_status BETWEEN 100 AND 599)
      )`);
    await queryRunner.query('CREATE INDEX audit_event_journey_idx ON audit_event (journey_id, id DESC)');
    await queryRunner.query('CREATE INDEX audit_event_patient_idx ON audit_event (patient_id, id DESC)');
    await queryRunner.query('CREATE INDEX audit_event_actor_idx ON audit_event (actor_name, id DESC)');
    await queryRunner.query('CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_event');
  }
}
