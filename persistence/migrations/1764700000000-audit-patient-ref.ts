import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit rows name the patient by opaque reference where the request named no patient id. */
export class AuditPatientRef1764700000000 implements MigrationInterface {
  name = 'AuditPatientRef1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_event ADD COLUMN patient_ref text');
    await queryRunner.query('CREATE INDEX audit_event_patient_ref_idx ON audit_event (patient_ref)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_event_patient_ref_idx');
    await queryRunner.query('ALTER TABLE audit_event DROP COLUMN patient_ref');
  }
}
