import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cohort finder's enrolments: unique per patient, screening item and due cycle, which is
 * what keeps a nightly finder from enrolling anyone twice for the same cycle.
 */
export class CreateCohortEnrolment1764200000000 implements MigrationInterface {
  name = 'CreateCohortEnrolment1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cohort_enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        patient_ref text NOT NULL,
        item text NOT NULL,
        due_since date NOT NULL,
        status text NOT NULL CHECK (status IN ('starting', 'enrolled', 'already-in-journey')),
        journey_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        enrolled_at timestamptz,
        CONSTRAINT cohort_enrolment_cycle_key UNIQUE (patient_ref, item, due_since)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE cohort_enrolment');
  }
}
