import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every delivery reads its step's earlier attempts (`step_key`) before it sends: without an index
 * that read scans the whole outreach log, so each message would cost more as the log grows.
 * Built concurrently (outside a transaction) so deliveries keep writing while it builds.
 */
export class OutreachMessageStepIndex1765000000000 implements MigrationInterface {
  name = 'OutreachMessageStepIndex1765000000000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX CONCURRENTLY outreach_message_step_idx ON outreach_message (step_key, created_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX CONCURRENTLY outreach_message_step_idx');
  }
}
