import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `call_preferences`: the number a patient wants staff calls on and the times they can take them
 * (from the EHR's phone ContactPoint), so a staff call task can carry and honour them.
 */
export class PatientContactCallPreferences1764600000060 implements MigrationInterface {
  name = 'PatientContactCallPreferences1764600000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE patient_contact ADD COLUMN call_preferences jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE patient_contact DROP COLUMN call_preferences');
  }
}
