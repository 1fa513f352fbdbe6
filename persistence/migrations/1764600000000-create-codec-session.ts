import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Codec sessions live on the server, so closing one revokes it (see CodecSession). */
export class CreateCodecSession1764600000000 implements MigrationInterface {
  name = 'CreateCodecSession1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE codec_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_name text NOT NULL,
        opened_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE codec_session');
  }
}
