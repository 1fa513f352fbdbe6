import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The EHR inbox: every inbound event is stored (unique by its dedupe key) before it is applied,
 * so a redelivery is recognised and a crash between storing and applying is recovered on the
 * next delivery. Missing event numbers of a subscription are kept as gaps for recovery.
 */
export class CreateEhrInbox1764100000000 implements MigrationInterface {
  name = 'CreateEhrInbox1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ehr_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        source text NOT NULL
          CHECK (source IN ('subscription', 'transaction', 'batch', 'collection', 'resource')),
        subscription text,
        topic text,
        event_number bigint,
        payload_content text CHECK (payload_content IN ('full-resource', 'id-only', 'empty')),
        resource_type text,
        resource_id text,
        resource_version text,
        patient_ref text,
        effective_at timestamptz,
        status text NOT NULL CHECK (status IN ('received', 'applied', 'ignored', 'failed')),
        outcome jsonb,
        journey_ids text[] NOT NULL DEFAULT '{}',
        attempts integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz
      )`);
    // Gap detection reads a subscription's event numbers; routing finds the journeys a resource was applied to.
    await queryRunner.query(
      `CREATE INDEX ehr_event_subscription_idx ON ehr_event (subscription, event_number)
        WHERE subscription IS NOT NULL AND event_number IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX ehr_event_resource_idx ON ehr_event (resource_type, resource_id, received_at)
        WHERE resource_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX ehr_event_open_idx ON ehr_event (received_at) WHERE status IN ('received', 'failed')`,
    );
    await queryRunner.query(`
      CREATE TABLE ehr_event_gap (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription text NOT NULL,
        from_number bigint NOT NULL,
        to_number bigint NOT NULL CHECK (to_number >= from_number),
        detected_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        UNIQUE (subscription, from_number, to_number)
      )`);
    await queryRunner.query(
      'CREATE INDEX ehr_event_gap_open_idx ON ehr_event_gap (subscription) WHERE resolved_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ehr_event_gap');
    await queryRunner.query('DROP TABLE ehr_event');
  }
}
