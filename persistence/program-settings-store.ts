import type { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import type { JourneyType } from '../workflows/journey-types';

/** What settings are kept for: a journey type's id and the schema its settings parse with (a coded module or a definition). */
export type SettingsOwner = Pick<JourneyType, 'id' | 'settingsSchema'>;
import { ProgramSettingsVersion } from './entities/program-settings-version.entity';
import { StatementCoalescer } from './statement-coalescer';

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
  /** The current settings read last, by journey type: reused while their version is the newest. */
  private readonly lastRead = new Map<string, PublishedSettings>();
  /** Newest version numbers, asked by every caller; callers asking together share one query. */
  private readonly newestVersions = new StatementCoalescer<string, number>(
    (types) => this.newestVersionsOf(types),
    // An enrolment waits for its check: it waits behind another only when this many are in flight.
    { concurrency: 4 },
  );

  /**
   * `reuseWhileVersionStands`: every enrolment and EHR event pins the current settings, so the
   * API and the worker keep the ones they read last and reuse them while the type's newest
   * version number is still theirs. Each call still asks that number (callers arriving together
   * share the query), so a publish in any process is pinned by the next enrolment in every
   * other: versions are only ever added, and a version's settings never change.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { reuseWhileVersionStands?: boolean } = {},
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

  async current(type: SettingsOwner): Promise<PublishedSettings> {
    if (!this.options.reuseWhileVersionStands) return this.readCurrent(type);
    const newest = await this.newestVersions.run(type.id);
    // Nothing published: the defaults, from this type's own schema (a definition's versions differ).
    if (newest === 0) return this.defaults(type);
    const last = this.lastRead.get(type.id);
    if (last?.version === newest) return last;
    const read = await this.readCurrent(type);
    // Callers that read after different publishes: the newest read is the one kept.
    if (read.version > (this.lastRead.get(type.id)?.version ?? 0)) this.lastRead.set(type.id, read);
    return read;
  }

  private async newestVersionsOf(types: string[]): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `SELECT journey_type, max(version)::int AS version FROM program_settings_version
        WHERE journey_type = ANY($1::text[]) GROUP BY journey_type`,
      [[...new Set(types)]],
    )) as Array<{ journey_type: string; version: number }>;
    const newest = new Map(rows.map((row) => [row.journey_type, row.version]));
    return types.map((type) => newest.get(type) ?? 0);
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
