import type { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import {
  DEFINITION_ID,
  journeyDefinitionSchema,
  type JourneyDefinition,
} from '../contracts/journey-definitions/definition-schema';
import { sameJson, withoutLayout } from '../contracts/journey-definitions/diff-definitions';
import {
  checkDefinition,
  validateDefinition,
  type DefinitionProblem,
} from '../contracts/journey-definitions/validate-definition';
import { JourneyDefinitionRow } from './entities/journey-definition.entity';
import { JourneyDefinitionVersionRow } from './entities/journey-definition-version.entity';

/*
 * Journey definitions as designers author them (issue 22): each has at most one draft, edited in
 * place and well-formed (it parses) but maybe unfinished, and published versions numbered 1..n
 * that never change. Publishing turns the draft into the next version: only a draft with no
 * problems, and not one that is the same as the latest version. A journey started from a
 * definition is pinned to a version (`publishedVersion`).
 */

export interface VersionSummary {
  definitionId: string;
  version: number;
  title: string;
  note: string;
  publishedBy: string;
  publishedAt: string;
}

export interface PublishedVersion extends VersionSummary {
  /** As published: its `id` is the definition's and its `version` this version's. */
  definition: JourneyDefinition;
  /** What `checkDefinition` found when it was published. */
  validation: { valid: boolean; problems: DefinitionProblem[] };
}

export interface DraftSummary {
  /** The published version it was started from; 0 for a new definition (from scratch or a copy). */
  basedOnVersion: number;
  savedBy: string;
  savedAt: string;
}

export interface StoredDraft extends DraftSummary {
  definitionId: string;
  /** Send it back as `basedOnRevision` with the next save or the publish. */
  revision: number;
  /** Its `version` is the number it will be published as. */
  definition: JourneyDefinition;
  /** What the validator finds now: the draft cannot be published until there are none. */
  problems: DefinitionProblem[];
}

export interface DefinitionSummary {
  id: string;
  title: string;
  createdBy: string;
  createdAt: string;
  copiedFrom: { id: string; version: number } | null;
  /** Goes up with every save and publish: what `basedOnRevision` must be. */
  revision: number;
  latestVersion: VersionSummary | null;
  draft: DraftSummary | null;
}

export interface CreateRequest {
  /** Derived from the title (or the copied id) when absent. */
  id?: string;
  /** Required from scratch; a copy defaults to the copied version's title with "(copy)". */
  title?: string;
  copyOf?: { id: string; version: number };
  createdBy: string;
}

export interface SaveDraftRequest {
  definition: unknown;
  basedOnRevision: number;
  savedBy: string;
}

export interface PublishRequest {
  note: string;
  basedOnRevision: number;
  publishedBy: string;
}

export interface InputProblem {
  field: string;
  message: string;
}

/** The request cannot be taken as it is (a malformed draft, a reserved id); nothing was changed. */
export class DefinitionInputError extends Error {
  constructor(
    message: string,
    readonly problems: InputProblem[],
  ) {
    super(message);
  }
}

export class DefinitionNotFoundError extends Error {
  constructor(
    readonly definitionId: string,
    readonly version?: number,
  ) {
    super(
      version === undefined
        ? `There is no journey definition "${definitionId}".`
        : `Journey definition "${definitionId}" has no published version ${version}.`,
    );
  }
}

export class DefinitionExistsError extends Error {
  constructor(readonly definitionId: string) {
    super(`A journey definition "${definitionId}" already exists.`);
  }
}

/** Someone saved or published since the caller read the draft: saving would overwrite their work. */
export class DraftRevisionConflictError extends Error {
  constructor(
    readonly currentRevision: number,
    readonly latest: { savedBy: string; savedAt: string } | undefined,
  ) {
    super(
      `The draft changed since you read it: revision ${currentRevision} is now the current one` +
        (latest ? ` (saved by ${latest.savedBy} at ${latest.savedAt}).` : ' (it was published meanwhile).'),
    );
  }
}

export class NoDraftError extends Error {
  constructor(
    readonly definitionId: string,
    action: 'publish' | 'discard' = 'publish',
  ) {
    super(`Journey definition "${definitionId}" has no draft to ${action}.`);
  }
}

/** A draft of a definition never published is all there is of it: it is edited, not discarded. */
export class NeverPublishedError extends Error {
  constructor(readonly definitionId: string) {
    super(
      `Journey definition "${definitionId}" has never been published: its draft is all there is, so it cannot be discarded.`,
    );
  }
}

/** The draft has problems (`checkDefinition`): it stays a draft. */
export class DraftProblemsError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(
      `The draft has ${problems.length} problem${problems.length === 1 ? '' : 's'}: fix them to publish.`,
    );
  }
}

export class UnchangedDraftError extends Error {
  constructor(readonly latestVersion: number) {
    super(`The draft is the same as version ${latestVersion}: there is nothing to publish.`);
  }
}

/** Ids `GET /api/journey-definitions/<id>` could not reach: the fixed routes beside it. */
const RESERVED_IDS = new Set(['schema']);

export class JourneyDefinitionStore {
  /** The last read of every published version (see allPublished). */
  private lastPublished: JourneyDefinition[] | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async create(request: CreateRequest): Promise<DefinitionSummary> {
    return this.dataSource.transaction(async (manager) => {
      const source = request.copyOf
        ? await versionRow(manager, request.copyOf.id, request.copyOf.version)
        : undefined;
      if (request.copyOf && !source) {
        throw new DefinitionNotFoundError(request.copyOf.id, request.copyOf.version);
      }
      const title = request.title ?? (source ? `${String(source.definition.title)} (copy)` : undefined);
      if (!title) {
        throw new DefinitionInputError('A new journey needs a title.', [
          { field: 'title', message: 'is required unless copyOf is given' },
        ]);
      }
      if (request.id !== undefined) checkId(request.id);
      // Serialises creators, so a derived id is taken once.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['journey-definition:create']);
      const id =
        request.id ?? (await freeId(manager, source ? `${source.definitionId}-copy` : slugOf(title)));
      if (await manager.getRepository(JourneyDefinitionRow).existsBy({ id })) {
        throw new DefinitionExistsError(id);
      }
      const draft = source ? { ...source.definition, id, version: 1, title } : skeleton(id, title);
      const parsed = parseDraft(draft);
      const row = manager.getRepository(JourneyDefinitionRow).create({
        id,
        title,
        createdBy: request.createdBy,
        copiedFromId: source?.definitionId ?? null,
        copiedFromVersion: source?.version ?? null,
        latestVersion: 0,
        revision: 1,
        draft: parsed,
        draftBasedOnVersion: 0,
        draftSavedBy: request.createdBy,
        draftSavedAt: new Date(),
      });
      await manager
        .getRepository(JourneyDefinitionRow)
        .insert(row as QueryDeepPartialEntity<JourneyDefinitionRow>);
      return summaryOf(row, null);
    });
  }

  /** Every definition, by id, with its latest published version and its draft (without contents). */
  async list(): Promise<DefinitionSummary[]> {
    return this.summaries();
  }

  async get(id: string): Promise<DefinitionSummary | undefined> {
    const [summary] = await this.summaries(id);
    return summary;
  }

  /** The draft with the validator's problems; undefined when there is none (throws for an unknown id). */
  async draft(id: string): Promise<StoredDraft | undefined> {
    const row = await this.dataSource.getRepository(JourneyDefinitionRow).findOneBy({ id });
    if (!row) throw new DefinitionNotFoundError(id);
    return row.draft ? draftOf(row) : undefined;
  }

  /**
   * Saves the draft (starting one when there is none): it must parse, and `basedOnRevision` must
   * be the definition's revision. Answers with what the validator finds, for the designer to show.
   */
  async saveDraft(id: string, request: SaveDraftRequest): Promise<StoredDraft> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockedRow(manager, id);
      if (request.basedOnRevision !== row.revision) throw conflict(row);
      const definition = request.definition as { id?: unknown } | null;
      if (definition !== null && typeof definition === 'object' && definition.id !== id) {
        throw new DefinitionInputError('The draft names another definition.', [
          { field: 'definition.id', message: `must be ${id}, the id of the definition it is the draft of` },
        ]);
      }
      const parsed = parseDraft(
        definition !== null && typeof definition === 'object'
          ? { ...definition, version: row.latestVersion + 1 }
          : definition,
      );
      const changes: Partial<JourneyDefinitionRow> = {
        title: parsed.title,
        revision: row.revision + 1,
        draft: parsed,
        draftBasedOnVersion: row.draft ? (row.draftBasedOnVersion ?? 0) : row.latestVersion,
        draftSavedBy: request.savedBy,
        draftSavedAt: new Date(),
      };
      await manager
        .getRepository(JourneyDefinitionRow)
        .update({ id }, changes as QueryDeepPartialEntity<JourneyDefinitionRow>);
      return draftOf({ ...row, ...changes });
    });
  }

  /**
   * Throws the draft away: the definition is again its latest version, as published. Refused for
   * a definition never published (nothing would be left to edit) and when someone saved since.
   */
  async discardDraft(id: string, basedOnRevision: number): Promise<DefinitionSummary> {
    await this.dataSource.transaction(async (manager) => {
      const row = await lockedRow(manager, id);
      if (basedOnRevision !== row.revision) throw conflict(row);
      if (!row.draft) throw new NoDraftError(id, 'discard');
      if (row.latestVersion === 0) throw new NeverPublishedError(id);
      const latest = await versionRow(manager, id, row.latestVersion);
      await manager.getRepository(JourneyDefinitionRow).update(
        { id },
        {
          // A save titles the definition after its draft: the latest version's title is back.
          title: String(latest!.definition.title),
          revision: row.revision + 1,
          draft: null,
          draftBasedOnVersion: null,
          draftSavedBy: null,
          draftSavedAt: null,
        },
      );
    });
    return (await this.get(id))!;
  }

  /** The draft becomes the next version, with the note and who published it; the draft is gone. */
  async publish(id: string, request: PublishRequest): Promise<PublishedVersion> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockedRow(manager, id);
      if (request.basedOnRevision !== row.revision) throw conflict(row);
      if (!row.draft) throw new NoDraftError(id);
      const version = row.latestVersion + 1;
      const checked = checkDefinition({ ...row.draft, id, version });
      if (!checked.ok) throw new DraftProblemsError(checked.problems);
      if (row.latestVersion > 0) {
        const latest = await versionRow(manager, id, row.latestVersion);
        // Positions are layout: a draft whose nodes only moved is the same journey.
        if (
          latest &&
          sameJson(withoutLayout({ ...latest.definition, version }), withoutLayout(checked.definition))
        ) {
          throw new UnchangedDraftError(row.latestVersion);
        }
      }
      const published = manager.getRepository(JourneyDefinitionVersionRow).create({
        definitionId: id,
        version,
        definition: checked.definition,
        note: request.note,
        publishedBy: request.publishedBy,
        validation: { valid: true, problems: [] },
      });
      await manager
        .getRepository(JourneyDefinitionVersionRow)
        .insert(published as QueryDeepPartialEntity<JourneyDefinitionVersionRow>);
      await manager.getRepository(JourneyDefinitionRow).update(
        { id },
        {
          title: checked.definition.title,
          latestVersion: version,
          revision: row.revision + 1,
          draft: null,
          draftBasedOnVersion: null,
          draftSavedBy: null,
          draftSavedAt: null,
        },
      );
      const stored = await versionRow(manager, id, version);
      return publishedOf(stored!);
    });
  }

  /** Published versions, newest first. Throws for an unknown definition. */
  async versions(id: string): Promise<VersionSummary[]> {
    await this.requireDefinition(id);
    const rows = (await this.dataSource.query(
      `SELECT definition_id, version, definition->>'title' AS title, note, published_by, published_at
         FROM journey_definition_version WHERE definition_id = $1 ORDER BY version DESC`,
      [id],
    )) as VersionSummaryRow[];
    return rows.map(versionSummaryOf);
  }

  /** One published version; throws when the definition or the version does not exist. */
  async version(id: string, version: number): Promise<PublishedVersion> {
    const row = await versionRow(this.dataSource.manager, id, version);
    if (!row) {
      await this.requireDefinition(id);
      throw new DefinitionNotFoundError(id, version);
    }
    return publishedOf(row);
  }

  /**
   * What a journey started on `version` of definition `id` runs: the definition as published,
   * or undefined when there is no such version. For the starter of interpreted journeys.
   */
  async publishedVersion(id: string, version: number): Promise<JourneyDefinition | undefined> {
    const row = await versionRow(this.dataSource.manager, id, version);
    return row ? (row.definition as JourneyDefinition) : undefined;
  }

  /**
   * Every published version of every definition: what the EHR router reads a resource against,
   * since a running journey takes only what the version it is pinned to declares (HZ-34).
   *
   * `versionsPublished`: how many versions the caller just counted (the EHR inbox counts them in
   * the statement that locks the event). Published versions are only ever added, never changed
   * or deleted (a trigger refuses both), so the same count is the same versions: the last read
   * is reused instead of reading every definition again for every event. Another process's
   * publish changes the count, so it shows at once.
   */
  async allPublished(versionsPublished?: number): Promise<JourneyDefinition[]> {
    const last = this.lastPublished;
    if (last && versionsPublished !== undefined && last.length === versionsPublished) return [...last];
    const rows = (await this.dataSource.query(
      `SELECT definition FROM journey_definition_version ORDER BY definition_id, version`,
    )) as Array<{ definition: JourneyDefinition }>;
    const definitions = rows.map((row) => row.definition);
    this.lastPublished = definitions;
    return [...definitions];
  }

  /** The latest published version of every definition that has one: what the journey catalogue offers. */
  async latestPublished(): Promise<JourneyDefinition[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (definition_id) definition
         FROM journey_definition_version ORDER BY definition_id, version DESC`,
    )) as Array<{ definition: JourneyDefinition }>;
    return rows.map((row) => row.definition);
  }

  private async requireDefinition(id: string): Promise<void> {
    if (!(await this.dataSource.getRepository(JourneyDefinitionRow).existsBy({ id }))) {
      throw new DefinitionNotFoundError(id);
    }
  }

  private async summaries(id?: string): Promise<DefinitionSummary[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.title, d.created_by, d.created_at, d.copied_from_id, d.copied_from_version,
              d.latest_version, d.revision, d.draft IS NOT NULL AS has_draft, d.draft_based_on_version,
              d.draft_saved_by, d.draft_saved_at,
              v.definition_id, v.version, v.definition->>'title' AS version_title, v.note, v.published_by,
              v.published_at
         FROM journey_definition d
         LEFT JOIN journey_definition_version v ON v.definition_id = d.id AND v.version = d.latest_version
        WHERE $1::text IS NULL OR d.id = $1
        ORDER BY d.id`,
      [id ?? null],
    )) as Array<VersionSummaryRow & SummaryRow>;
    return rows.map((row) =>
      summaryOf(
        {
          id: row.id,
          title: row.title,
          createdBy: row.created_by,
          createdAt: row.created_at,
          copiedFromId: row.copied_from_id,
          copiedFromVersion: row.copied_from_version,
          revision: row.revision,
          draft: row.has_draft ? {} : null,
          draftBasedOnVersion: row.draft_based_on_version,
          draftSavedBy: row.draft_saved_by,
          draftSavedAt: row.draft_saved_at,
        },
        row.version === null ? null : versionSummaryOf({ ...row, title: row.version_title }),
      ),
    );
  }
}

interface SummaryRow {
  id: string;
  title: string;
  created_by: string;
  created_at: Date;
  copied_from_id: string | null;
  copied_from_version: number | null;
  revision: number;
  has_draft: boolean;
  draft_based_on_version: number | null;
  draft_saved_by: string | null;
  draft_saved_at: Date | null;
  version_title: string;
}

interface VersionSummaryRow {
  definition_id: string;
  version: number;
  title: string;
  note: string;
  published_by: string;
  published_at: Date;
}

function versionSummaryOf(row: VersionSummaryRow): VersionSummary {
  return {
    definitionId: row.definition_id,
    version: row.version,
    title: row.title,
    note: row.note,
    publishedBy: row.published_by,
    publishedAt: row.published_at.toISOString(),
  };
}

function publishedOf(row: JourneyDefinitionVersionRow): PublishedVersion {
  return {
    definitionId: row.definitionId,
    version: row.version,
    title: String(row.definition.title),
    note: row.note,
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt.toISOString(),
    definition: row.definition as JourneyDefinition,
    validation: row.validation as PublishedVersion['validation'],
  };
}

type SummarySource = Pick<
  JourneyDefinitionRow,
  | 'id'
  | 'title'
  | 'createdBy'
  | 'createdAt'
  | 'copiedFromId'
  | 'copiedFromVersion'
  | 'revision'
  | 'draftBasedOnVersion'
  | 'draftSavedBy'
  | 'draftSavedAt'
> & { draft: unknown };

function summaryOf(row: SummarySource, latestVersion: VersionSummary | null): DefinitionSummary {
  return {
    id: row.id,
    title: row.title,
    createdBy: row.createdBy,
    // A row just inserted has no database default read back: its creation is now.
    createdAt: (row.createdAt ?? new Date()).toISOString(),
    copiedFrom:
      row.copiedFromId && row.copiedFromVersion !== null
        ? { id: row.copiedFromId, version: row.copiedFromVersion }
        : null,
    revision: row.revision,
    latestVersion,
    draft: row.draft ? draftSummaryOf(row) : null,
  };
}

function draftSummaryOf(row: Pick<SummarySource, 'draftBasedOnVersion' | 'draftSavedBy' | 'draftSavedAt'>) {
  return {
    basedOnVersion: row.draftBasedOnVersion ?? 0,
    savedBy: row.draftSavedBy ?? '',
    savedAt: (row.draftSavedAt ?? new Date(0)).toISOString(),
  };
}

function draftOf(row: JourneyDefinitionRow): StoredDraft {
  const definition = row.draft as JourneyDefinition;
  return {
    definitionId: row.id,
    revision: row.revision,
    ...draftSummaryOf(row),
    definition,
    problems: validateDefinition(definition),
  };
}

function conflict(row: JourneyDefinitionRow): DraftRevisionConflictError {
  return new DraftRevisionConflictError(
    row.revision,
    row.draft && row.draftSavedBy && row.draftSavedAt
      ? { savedBy: row.draftSavedBy, savedAt: row.draftSavedAt.toISOString() }
      : undefined,
  );
}

/** A draft must parse (the shape); its graph may still have problems. */
function parseDraft(draft: unknown): JourneyDefinition {
  const parsed = journeyDefinitionSchema.safeParse(draft);
  if (parsed.success) return parsed.data;
  throw new DefinitionInputError(
    'The draft is not a well-formed journey definition; nothing was saved.',
    parsed.error.issues.map((issue) => ({
      field: ['definition', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

function checkId(id: string): void {
  if (!DEFINITION_ID.test(id)) {
    throw new DefinitionInputError('The id is not valid.', [
      { field: 'id', message: 'must be lower-case letters, digits and dashes, starting with a letter' },
    ]);
  }
  if (RESERVED_IDS.has(id)) {
    throw new DefinitionInputError('The id is taken by the API.', [
      { field: 'id', message: `must not be ${[...RESERVED_IDS].join(' or ')}` },
    ]);
  }
}

/** A title as an id: `Book a screening` → `book-a-screening`. */
function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug && !RESERVED_IDS.has(slug) ? slug : 'journey';
}

/** `base`, or `base-2`, `base-3`... whichever no definition has yet. */
async function freeId(manager: EntityManager, base: string): Promise<string> {
  const trimmed = base.slice(0, 55).replace(/-+$/, '');
  const taken = new Set(
    (
      (await manager.query(`SELECT id FROM journey_definition WHERE id = $1 OR id LIKE $2`, [
        trimmed,
        `${trimmed}-%`,
      ])) as Array<{ id: string }>
    ).map((row) => row.id),
  );
  if (!taken.has(trimmed)) return trimmed;
  for (let n = 2; ; n++) {
    if (!taken.has(`${trimmed}-${n}`)) return `${trimmed}-${n}`;
  }
}

async function lockedRow(manager: EntityManager, id: string): Promise<JourneyDefinitionRow> {
  const row = await manager
    .getRepository(JourneyDefinitionRow)
    .createQueryBuilder('definition')
    .setLock('pessimistic_write')
    .where('definition.id = :id', { id })
    .getOne();
  if (!row) throw new DefinitionNotFoundError(id);
  return row;
}

async function versionRow(
  manager: EntityManager,
  id: string,
  version: number,
): Promise<JourneyDefinitionVersionRow | undefined> {
  const row = await manager
    .getRepository(JourneyDefinitionVersionRow)
    .findOneBy({ definitionId: id, version });
  return row ?? undefined;
}

/** A new definition: one stage and an end, well-formed, for the designer to build on. */
function skeleton(id: string, title: string): JourneyDefinition {
  return {
    id,
    version: 1,
    title,
    languages: ['en'],
    settings: {},
    events: [],
    stages: [{ id: 'enrolled', label: 'Enrolled' }],
    start: 'done',
    nodes: [{ id: 'done', kind: 'end', label: 'Done', summary: 'The journey ended.', dropOff: false }],
  };
}
