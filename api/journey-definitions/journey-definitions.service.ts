import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { diffDefinitions, type DefinitionDiff } from '../../contracts/journey-definitions/diff-definitions';
import { checkDefinition } from '../../contracts/journey-definitions/validate-definition';
import {
  DefinitionExistsError,
  DefinitionInputError,
  DefinitionNotFoundError,
  DraftProblemsError,
  DraftRevisionConflictError,
  JourneyDefinitionStore,
  NeverPublishedError,
  NoDraftError,
  UnchangedDraftError,
  type CreateRequest,
  type DefinitionSummary,
  type PublishedVersion,
  type PublishRequest,
  type SaveDraftRequest,
  type StoredDraft,
  type VersionSummary,
} from '../../persistence/journey-definition-store';
import { badRequest, type FieldError } from '../errors/api-error';
import { plainTextProblem } from '../requests/plain-text';
import type { DefinitionCheckView } from './dto/definition-views';

export interface DefinitionDiffResult extends DefinitionDiff {
  definitionId: string;
  from: string;
  to: string;
}

/** Journey definitions over HTTP: the store's rules, with its refusals turned into API errors. */
@Injectable()
export class JourneyDefinitionsService {
  constructor(private readonly store: JourneyDefinitionStore) {}

  create(request: CreateRequest): Promise<DefinitionSummary> {
    return this.answer(this.store.create(request), { copyOf: request.copyOf });
  }

  list(): Promise<DefinitionSummary[]> {
    return this.store.list();
  }

  async get(id: string): Promise<DefinitionSummary> {
    const found = await this.store.get(id);
    if (!found) throw notFound(new DefinitionNotFoundError(id));
    return found;
  }

  async draft(id: string): Promise<StoredDraft> {
    const draft = await this.answer(this.store.draft(id));
    if (!draft) {
      throw new NotFoundException({
        message: `Journey definition "${id}" has no draft: save one to start it.`,
        errors: [],
      });
    }
    return draft;
  }

  saveDraft(id: string, request: SaveDraftRequest): Promise<StoredDraft> {
    const textProblems = unreadableText(request.definition, 'definition');
    if (textProblems.length > 0) {
      throw badRequest('The draft holds text no one should read; nothing was saved.', textProblems);
    }
    return this.answer(this.store.saveDraft(id, request));
  }

  /** Problems only, as the designer shows them while editing: nothing is stored. */
  async check(id: string, definition: unknown): Promise<DefinitionCheckView> {
    await this.get(id);
    const textProblems = unreadableText(definition, 'definition').map((problem) => ({
      code: 'shape' as const,
      message: `At ${(problem.field ?? '').replace(/^definition\.?/, '') || 'the definition'}: ${problem.message}.`,
    }));
    const checked = checkDefinition(definition);
    const problems = [...textProblems, ...checked.problems];
    return { valid: problems.length === 0, problems };
  }

  discardDraft(id: string, basedOnRevision: number): Promise<DefinitionSummary> {
    return this.answer(this.store.discardDraft(id, basedOnRevision));
  }

  publish(id: string, request: PublishRequest): Promise<PublishedVersion> {
    return this.answer(this.store.publish(id, request));
  }

  versions(id: string): Promise<VersionSummary[]> {
    return this.answer(this.store.versions(id));
  }

  version(id: string, version: number): Promise<PublishedVersion> {
    return this.answer(this.store.version(id, version));
  }

  async diff(id: string, from: string, to: string): Promise<DefinitionDiffResult> {
    const [before, after] = await Promise.all([this.contents(id, from), this.contents(id, to)]);
    return { definitionId: id, from, to, ...diffDefinitions(before, after) };
  }

  /** A version's definition, or the draft's. */
  private async contents(id: string, which: string): Promise<unknown> {
    if (which === 'draft') return (await this.draft(id)).definition;
    return (await this.version(id, Number(which))).definition;
  }

  private async answer<T>(
    work: Promise<T>,
    body: { copyOf?: { id: string; version: number } } = {},
  ): Promise<T> {
    try {
      return await work;
    } catch (error) {
      throw httpError(error, body);
    }
  }
}

function httpError(error: unknown, body: { copyOf?: { id: string; version: number } }): unknown {
  if (error instanceof DefinitionInputError) return badRequest(error.message, error.problems);
  if (error instanceof DefinitionNotFoundError) {
    const copied = body.copyOf;
    // A copy of what does not exist is a bad request body, not a missing resource.
    if (copied && error.definitionId === copied.id && error.version === copied.version) {
      return badRequest(error.message, [
        { field: 'copyOf', message: `${copied.id} has no published version ${copied.version}` },
      ]);
    }
    return notFound(error);
  }
  if (error instanceof DefinitionExistsError) {
    return new ConflictException({
      message: `${error.message} Choose another id.`,
      errors: [{ field: 'id', message: 'is taken' }],
    });
  }
  if (error instanceof DraftRevisionConflictError) {
    return new ConflictException({
      message: `${error.message} Reload the draft and apply your changes to it; nothing was saved.`,
      errors: [{ field: 'basedOnRevision', message: `must be ${error.currentRevision}` }],
    });
  }
  if (error instanceof NoDraftError || error instanceof NeverPublishedError) {
    return new ConflictException({ message: error.message, errors: [] });
  }
  if (error instanceof DraftProblemsError) {
    return badRequest(
      `${error.message} Nothing was published.`,
      error.problems.map((problem) => ({
        field: problem.node ? `draft.nodes.${problem.node}` : 'draft',
        message: `${problem.message} (${problem.code})`,
      })),
    );
  }
  if (error instanceof UnchangedDraftError) {
    return badRequest(error.message, [
      { field: 'draft', message: `is the same as version ${error.latestVersion}` },
    ]);
  }
  return error;
}

/**
 * Definition text reaches staff and, in messages, patients: no control characters (a NUL would
 * also break PostgreSQL's jsonb) or direction overrides, in any value or key of the draft.
 */
function unreadableText(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    const problem = value === '' ? undefined : plainTextProblem(value, { multiline: true });
    return problem ? [{ field: path, message: problem }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const keyProblem = plainTextProblem(key, { multiline: false });
    const field = `${path}.${key}`;
    return [
      ...(keyProblem ? [{ field, message: `its name ${keyProblem}` }] : []),
      ...unreadableText(child, field),
    ];
  });
}

function notFound(error: DefinitionNotFoundError): NotFoundException {
  return new NotFoundException({
    message: error.message,
    errors: error.version === undefined ? [{ field: 'id', message: 'names no journey definition' }] : [],
  });
}
