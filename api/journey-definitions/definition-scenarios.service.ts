import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { scenarioSchema } from '../../contracts/journey-definitions/scenario-schema';
import { JourneyDefinitionStore, type StoredDraft } from '../../persistence/journey-definition-store';
import { scenarioOutcomes } from '../../shared/journey-definitions/scenario-outcomes';
import { badRequest } from '../errors/api-error';
import type { ScenarioChangesView } from './dto/scenario-dto';
import { JourneyDefinitionsService } from './journey-definitions.service';

/**
 * Saved scenarios: kept in the draft (so versions carry them), and run on the draft and the
 * latest published version so a designer sees, before publishing, whose experience would change.
 */
@Injectable()
export class DefinitionScenariosService {
  constructor(
    private readonly definitions: JourneyDefinitionsService,
    private readonly store: JourneyDefinitionStore,
  ) {}

  async changes(id: string): Promise<ScenarioChangesView> {
    const draft = await this.definitions.draft(id);
    const latest = (await this.definitions.get(id)).latestVersion?.version;
    const published = latest === undefined ? undefined : await this.store.publishedVersion(id, latest);
    const scenarios = scenarioOutcomes(published, draft.definition);
    return {
      definitionId: id,
      revision: draft.revision,
      publishedVersion: latest ?? null,
      changedCount: scenarios.filter((outcome) => outcome.verdict === 'changed').length,
      scenarios,
    };
  }

  /** Adds the scenario to the draft, or replaces the one of the same name; the rest of the draft is kept as saved. */
  async save(
    id: string,
    input: { scenario: unknown; basedOnRevision: number; savedBy: string },
  ): Promise<StoredDraft> {
    const parsed = scenarioSchema.safeParse(input.scenario);
    if (!parsed.success) {
      throw badRequest(
        'The scenario is not well-formed; nothing was saved.',
        parsed.error.issues.map((issue) => ({
          field: ['scenario', ...issue.path.map(String)].join('.'),
          message: issue.message,
        })),
      );
    }
    const draft = await this.draftAsSeen(id, input.basedOnRevision);
    const scenario = parsed.data;
    const saved = draft.definition.scenarios ?? [];
    const scenarios = saved.some((other) => other.name === scenario.name)
      ? saved.map((other) => (other.name === scenario.name ? scenario : other))
      : [...saved, scenario];
    return this.definitions.saveDraft(id, {
      definition: { ...draft.definition, scenarios },
      basedOnRevision: input.basedOnRevision,
      savedBy: input.savedBy,
    });
  }

  /** Removes the scenario of that name from the draft; the rest of the draft is kept as saved. */
  async remove(
    id: string,
    input: { name: string; basedOnRevision: number; savedBy: string },
  ): Promise<StoredDraft> {
    const draft = await this.draftAsSeen(id, input.basedOnRevision);
    const saved = draft.definition.scenarios ?? [];
    if (!saved.some((scenario) => scenario.name === input.name)) {
      throw new NotFoundException(`The draft of ${id} has no saved scenario named "${input.name}".`);
    }
    return this.definitions.saveDraft(id, {
      definition: {
        ...draft.definition,
        scenarios: saved.filter((scenario) => scenario.name !== input.name),
      },
      basedOnRevision: input.basedOnRevision,
      savedBy: input.savedBy,
    });
  }

  /** The draft, when it is the one the designer saw: otherwise their other edits would be lost. */
  private async draftAsSeen(id: string, basedOnRevision: number): Promise<StoredDraft> {
    const draft = await this.definitions.draft(id);
    if (draft.revision !== basedOnRevision) {
      throw new ConflictException({
        message: `The draft changed since you read it: revision ${draft.revision} is now the current one. Reload it; nothing was saved.`,
        errors: [{ field: 'basedOnRevision', message: `must be ${draft.revision}` }],
      });
    }
    return draft;
  }
}
