import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStaffTask1763900000001 implements MigrationInterface {
  name = 'CreateStaffTask1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        journey_id text NOT NULL,
        patient_ref text NOT NULL,
        kind text NOT NULL,
        priority text NOT NULL CHECK (priority IN ('routine', 'urgent')),
        title text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        due_at timestamptz,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'claimed', 'done', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX staff_task_open_idx ON staff_task (status, due_at)');
    await queryRunner.query('CREATE INDEX staff_task_journey_idx ON staff_task (journey_id, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE staff_task');
  }
}
