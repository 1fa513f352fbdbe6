import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Journey definitions authored in the designer (issue 22): one row per definition, holding its
 * draft (at most one, editable), and its published versions, numbered 1..n and never changed
 * afterwards (a trigger refuses it), so a journey pinned to a version always runs what was
 * published. Audit rows name the definition a call concerned.
 */
export class CreateJourneyDefinitions1764900000000 implements MigrationInterface {
  name = 'CreateJourneyDefinitions1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE journey_definition (
        id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,62}$'),
        title text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        copied_from_id text,
        copied_from_version integer,
        latest_version integer NOT NULL DEFAULT 0 CHECK (latest_version >= 0),
        revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
        draft jsonb,
        draft_based_on_version integer,
        draft_saved_by text,
        draft_saved_at timestamptz,
        CHECK ((draft IS NULL) = (draft_saved_at IS NULL) AND (draft IS NULL) = (draft_saved_by IS NULL)),
        CHECK ((copied_from_id IS NULL) = (copied_from_version IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE journey_definition_version (
        definition_id text NOT NULL REFERENCES journey_definition (id),
        version integer NOT NULL CHECK (version > 0),
        definition jsonb NOT NULL,
        note text NOT NULL CHECK (btrim(note) <> ''),
        published_by text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        validation jsonb NOT NULL,
        PRIMARY KEY (definition_id, version)
      )`);
    await queryRunner.query(`
      ALTER TABLE journey_definition
        ADD FOREIGN KEY (copied_from_id, copied_from_version)
        REFERENCES journey_definition_version (definition_id, version)`);
    await queryRunner.query(`
      CREATE FUNCTION journey_definition_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published journey definition versions are never changed or deleted';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER journey_definition_version_immutable
        BEFORE UPDATE OR DELETE ON journey_definition_version
        FOR EACH ROW EXECUTE FUNCTION journey_definition_version_immutable()`);

    await queryRunner.query('ALTER TABLE audit_event ADD COLUMN definition_id text');
    await queryRunner.query(
      'CREATE INDEX audit_event_definition_idx ON audit_event (definition_id, id DESC) WHERE definition_id IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_event_definition_idx');
    await queryRunner.query('ALTER TABLE audit_event DROP COLUMN definition_id');
    await queryRunner.query(
      'ALTER TABLE journey_definition DROP COLUMN copied_from_id, DROP COLUMN copied_from_version',
    );
    await queryRunner.query('DROP TABLE journey_definition_version');
    await queryRunner.query('DROP FUNCTION journey_definition_version_immutable');
    await queryRunner.query('DROP TABLE journey_definition');
  }
}
