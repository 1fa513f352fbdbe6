import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutreachMessage1763800000000 implements MigrationInterface {
  name = 'CreateOutreachMessage1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outreach_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        journey_id text NOT NULL,
        patient_ref text NOT NULL,
        channel text NOT NULL,
        template text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX outreach_message_journey_idx ON outreach_message (journey_id, created_at)',
    );
    await queryRunner.query(
      'CREATE INDEX outreach_message_patient_idx ON outreach_message (patient_ref, created_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outreach_message');
  }
}
