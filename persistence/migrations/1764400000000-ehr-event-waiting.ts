import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `waiting`: an EHR event no journey took because the patient's journey had not started yet (the
 * result filed before the referral was processed). It is applied when that journey starts, or
 * when the EHR sends it again; the index finds a patient's waiting events at enrolment.
 */
export class EhrEventWaiting1764400000000 implements MigrationInterface {
  name = 'EhrEventWaiting1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ehr_event DROP CONSTRAINT ehr_event_status_check');
    await queryRunner.query(
      `ALTER TABLE ehr_event ADD CONSTRAINT ehr_event_status_check
        CHECK (status IN ('received', 'applied', 'ignored', 'failed', 'waiting'))`,
    );
    await queryRunner.query(
      `CREATE INDEX ehr_event_waiting_idx ON ehr_event (patient_ref, effective_at) WHERE status = 'waiting'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ehr_event_waiting_idx');
    await queryRunner.query(`UPDATE ehr_event SET status = 'ignored' WHERE status = 'waiting'`);
    await queryRunner.query('ALTER TABLE ehr_event DROP CONSTRAINT ehr_event_status_check');
    await queryRunner.query(
      `ALTER TABLE ehr_event ADD CONSTRAINT ehr_event_status_check
        CHECK (status IN ('received', 'applied', 'ignored', 'failed'))`,
    );
  }
}
