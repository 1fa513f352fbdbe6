import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff queue as a work list: the EHR patient id (operators see the patient's name, read
 * from the EHR, never stored here), and every urgent task due (HZ-94). Urgent tasks created
 * without a due time are given the policy's default (4 h) from their creation.
 */
export class StaffTaskWorkList1764800000000 implements MigrationInterface {
  name = 'StaffTaskWorkList1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE staff_task ADD COLUMN patient_id text');
    await queryRunner.query(
      "UPDATE staff_task SET due_at = created_at + interval '4 hours' WHERE priority = 'urgent' AND due_at IS NULL",
    );
    await queryRunner.query(
      "ALTER TABLE staff_task ADD CONSTRAINT staff_task_urgent_due CHECK (priority <> 'urgent' OR due_at IS NOT NULL)",
    );
    await queryRunner.query('CREATE INDEX staff_task_claimed_by_idx ON staff_task (claimed_by, status)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX staff_task_claimed_by_idx');
    await queryRunner.query('ALTER TABLE staff_task DROP CONSTRAINT staff_task_urgent_due');
    await queryRunner.query('ALTER TABLE staff_task DROP COLUMN patient_id');
  }
}
