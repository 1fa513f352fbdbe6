import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engagement layer: the outreach log becomes one row per delivery attempt (journey step and
 * channel) with its status, the provider's status callbacks get their own table, and patients
 * get a contact profile and per-channel consent; staff tasks can be claimed and completed.
 * Rows written before this migration were recorded, not delivered by a provider, so they keep
 * status 'sent'.
 */
export class CreateEngagement1764000000000 implements MigrationInterface {
  name = 'CreateEngagement1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outreach_message
        ADD COLUMN step_key text,
        ADD COLUMN status text NOT NULL DEFAULT 'sent'
          CHECK (status IN ('sending', 'sent', 'delivered', 'read', 'uncertain', 'rejected', 'failed')),
        ADD COLUMN urgent boolean NOT NULL DEFAULT false,
        ADD COLUMN language text,
        ADD COLUMN reading_level text,
        ADD COLUMN template_file text,
        ADD COLUMN subject text,
        ADD COLUMN provider_message_id text,
        ADD COLUMN error_code text,
        ADD COLUMN error_reason text,
        ADD COLUMN planned_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN sent_at timestamptz,
        ADD COLUMN status_updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query('UPDATE outreach_message SET planned_at = created_at, sent_at = created_at');
    // The frequency cap counts a patient's messages by the day they were planned for.
    await queryRunner.query(
      'CREATE INDEX outreach_message_patient_planned_idx ON outreach_message (patient_ref, planned_at)',
    );
    await queryRunner.query(`
      CREATE UNIQUE INDEX outreach_message_provider_idx ON outreach_message (channel, provider_message_id)
        WHERE provider_message_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE outreach_delivery_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES outreach_message (id),
        status text NOT NULL,
        source text NOT NULL,
        detail text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX outreach_delivery_event_message_idx ON outreach_delivery_event (message_id, occurred_at)',
    );
    await queryRunner.query(`
      CREATE TABLE patient_contact (
        patient_ref text PRIMARY KEY,
        given_name text,
        email text,
        phone text,
        portal_enabled boolean NOT NULL DEFAULT false,
        language text NOT NULL DEFAULT 'en',
        reading_level text NOT NULL DEFAULT 'plain' CHECK (reading_level IN ('plain', 'standard')),
        time_zone text,
        channel_order text[] NOT NULL,
        quiet_hours jsonb,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX patient_contact_phone_idx ON patient_contact (phone)');
    await queryRunner.query('CREATE INDEX patient_contact_email_idx ON patient_contact (lower(email))');
    await queryRunner.query(`
      CREATE TABLE channel_consent (
        patient_ref text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL CHECK (status IN ('granted', 'revoked')),
        source text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (patient_ref, channel)
      )`);
    await queryRunner.query(`
      ALTER TABLE staff_task
        ADD COLUMN claimed_by text,
        ADD COLUMN claimed_at timestamptz,
        ADD COLUMN completed_at timestamptz,
        ADD COLUMN outcome text,
        ADD COLUMN note text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE staff_task
        DROP COLUMN claimed_by, DROP COLUMN claimed_at, DROP COLUMN completed_at, DROP COLUMN outcome,
        DROP COLUMN note`);
    await queryRunner.query('DROP TABLE channel_consent');
    await queryRunner.query('DROP TABLE patient_contact');
    await queryRunner.query('DROP TABLE outreach_delivery_event');
    await queryRunner.query(`
      ALTER TABLE outreach_message
        DROP COLUMN step_key, DROP COLUMN status, DROP COLUMN urgent, DROP COLUMN language,
        DROP COLUMN reading_level, DROP COLUMN template_file, DROP COLUMN subject,
        DROP COLUMN provider_message_id, DROP COLUMN error_code, DROP COLUMN error_reason,
        DROP COLUMN planned_at, DROP COLUMN sent_at, DROP COLUMN status_updated_at`);
  }
}
