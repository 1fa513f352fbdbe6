import type { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import type { JourneyType } from '../workflows/journey-types';

/** What settings are kept for: a journey type's id and the schema its settings parse with (a coded module or a definition). */
export type SettingsOwner = Pick<JourneyType, 'id' | 'settingsSchema'>;
import { ProgramSettingsVersion } from './entities/program-settings-version.entity';

export interface PublishedSettings {
  journeyType: string;
  /** 0 means nothing was published yet and the built-in defaults apply. */
  version: number;
  settings: Record<string, unknown>;
  note: string;
  publishedBy: string;
  publishedAt: string | null;
}

export type SettingsVersionSummary = Omit<PublishedSettings, 'settings'>;

export class SettingsValidationError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('The settings are not valid for this journey type.');
  }
}

export class SettingsVersionConflictError extends Error {
  constructor(readonly currentVersion: number) {
    super(`The settings changed meanwhile: version ${currentVersion} is now the current one.`);
  }
}

export interface PublishRequest {
  settings: unknown;
  note: string;
  publishedBy: string;
  /** The version the draft was edited from; publishing fails if someone published after it. */
  basedOnVersion: number;
}

/**
 * Versioned program settings. Versions are stored fully resolved (defaults filled in), so a
 * later change of a built-in default never alters what a published version means.
 */
export class ProgramSettingsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Checks a draft and returns it with every default filled in, without storing anything. */
  resolve(type: SettingsOwner, draft: unknown): Record<string, unknown> {
    const parsed = type.settingsSchema.safeParse(draft ?? {});
    if (!parsed.success) throw new SettingsValidationError(parsed.error.issues);
    return parsed.data as Record<string, unknown>;
  }

  defaults(type: SettingsOwner): PublishedSettings {
    return {
      journeyType: type.id,
      version: 0,
      settings: this.resolve(type, {}),
      note: 'Built-in defaults (no version published yet).',
      publishedBy: 'carepath',
      publishedAt: null,
    };
  }

  async current(type: SettingsOwner): Promise<PublishedSettings> {
    const latest = await this.dataSource
      .getRepository(ProgramSettingsVersion)
      .findOne({ where: { journeyType: type.id }, order: { version: 'DESC' } });
    return latest ? toPublished(latest) : this.defaults(type);
  }

  async version(type: SettingsOwner, version: number): Promise<PublishedSettings | undefined> {
    if (version === 0) return this.defaults(type);
    const row = await this.dataSource
      .getRepository(ProgramSettingsVersion)
      .findOneBy({ journeyType: type.id, version });
    return row ? toPublished(row) : undefined;
  }

  async history(type: SettingsOwner): Promise<SettingsVersionSummary[]> {
    const rows = await this.dataSource
      .getRepository(ProgramSettingsVersion)
      .find({ where: { journeyType: type.id }, order: { version: 'DESC' } });
    const { settings: _settings, ...defaults } = this.defaults(type);
    return [...rows.map(({ settings: _unused, ...row }) => summaryOf(row)), defaults];
  }

  async publish(type: SettingsOwner, request: PublishRequest): Promise<PublishedSettings> {
    const settings = this.resolve(type, request.settings);
    return this.dataSource.transaction(async (manager) => {
      // Serialises publishers of one journey type, so version numbers never collide or skip.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`program-settings:${type.id}`]);
      const current = await currentVersionNumber(manager, type.id);
      if (request.basedOnVersion !== current) throw new SettingsVersionConflictError(current);
      const row = manager.getRepository(ProgramSettingsVersion).create({
        journeyType: type.id,
        version: current + 1,
        settings,
        note: request.note,
        publishedBy: request.publishedBy,
      });
      return toPublished(await manager.getRepository(ProgramSettingsVersion).save(row));
    });
  }
}

async function currentVersionNumber(manager: EntityManager, journeyType: string): Promise<number> {
  const [row] = (await manager.query(
    'SELECT coalesce(max(version), 0)::int AS version FROM program_settings_version WHERE journey_type = $1',
    [journeyType],
  )) as Array<{ version: number }>;
  return row?.version ?? 0;
}

function summaryOf(row: Omit<ProgramSettingsVersion, 'settings'>): SettingsVersionSummary {
  return {
    journeyType: row.journeyType,
    version: row.version,
    note: row.note,
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt.toISOString(),
  };
}

function toPublished(row: ProgramSettingsVersion): PublishedSettings {
  return { ...summaryOf(row), settings: row.settings };
}
