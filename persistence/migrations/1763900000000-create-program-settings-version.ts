import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProgramSettingsVersion1763900000000 implements MigrationInterface {
  name = 'CreateProgramSettingsVersion1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Versions are append-only: a published version is never edited, so a running journey's
    // settings can always be looked up by the version number it reports.
    await queryRunner.query(`
      CREATE TABLE program_settings_version (
        journey_type text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        settings jsonb NOT NULL,
        note text NOT NULL DEFAULT '',
        published_by text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (journey_type, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE program_settings_version');
  }
}
