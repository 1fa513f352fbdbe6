import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SMS webhooks are replayable: the provider retries, and a captured request can be sent again.
 * Inbound messages are taken once by their provider id; a provider status is recorded once per
 * message (duplicates from before are folded into the first).
 */
export class SmsWebhookReplays1764500000000 implements MigrationInterface {
  name = 'SmsWebhookReplays1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE sms_inbound_message (
        provider_message_id text PRIMARY KEY,
        received_at timestamptz NOT NULL
      )`,
    );
    await queryRunner.query(
      `DELETE FROM outreach_delivery_event later USING outreach_delivery_event earlier
        WHERE later.source = 'provider' AND earlier.source = 'provider'
          AND later.message_id = earlier.message_id AND later.status = earlier.status
          AND (later.occurred_at, later.id) > (earlier.occurred_at, earlier.id)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX outreach_delivery_event_provider_once
        ON outreach_delivery_event (message_id, status) WHERE source = 'provider'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outreach_delivery_event_provider_once');
    await queryRunner.query('DROP TABLE sms_inbound_message');
  }
}
