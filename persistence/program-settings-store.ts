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
 * How long the API and the worker reuse a journey type's current program settings (every
 * enrolment and EHR event reads them). A publish clears them in the process that made it; the
 * other processes (the worker, another API replica) see it within this time.
 */
export const CURRENT_SETTINGS_REUSE_MS = 5_000;

/**
 * Versioned program settings. Versions are stored fully resolved (defaults filled in), so a
 * later change of a built-in default never alters what a published version means.
 */
export class ProgramSettingsStore {
  /** `current()` reads by journey type, each kept for `currentCacheMs` (see the constructor). */
  private readonly currentReads = new Map<string, { at: number; read: Promise<PublishedSettings> }>();

  /**
   * `currentCacheMs`: how long the current version of a type is reused (default 0: read every
   * time). The API reuses it briefly, as every enrolment reads it; its own publish clears it at
   * once, and another process's publish shows within that time.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { currentCacheMs?: number } = {},
  ) {}

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

  current(type: SettingsOwner): Promise<PublishedSettings> {
    const cacheMs = this.options.currentCacheMs ?? 0;
    if (cacheMs <= 0) return this.readCurrent(type);
    const now = Date.now();
    const cached = this.currentReads.get(type.id);
    if (cached && now - cached.at < cacheMs) return cached.read;
    // The read itself is shared: enrolments arriving together wait for one query, not one each.
    const read = this.readCurrent(type);
    this.currentReads.set(type.id, { at: now, read });
    read.catch(() => {
      if (this.currentReads.get(type.id)?.read === read) this.currentReads.delete(type.id);
    });
    return read;
  }

  private async readCurrent(type: SettingsOwner): Promise<PublishedSettings> {
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
    const published = await this.dataSource.transaction(async (manager) => {
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
    // Committed: the next enrolment in this process pins the new version.
    this.currentReads.delete(type.id);
    return published;
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
