import { Injectable } from '@nestjs/common';
import { definitionSettingsSchema } from '../../contracts/journey-definitions/definition-contract';
import { ProgramSettingsStore } from '../../persistence/program-settings-store';
import type { SettingsFitView } from './dto/settings-fit-view';
import { JourneyDefinitionsService } from './journey-definitions.service';

/**
 * Whether the program settings current now still fit the draft's declared settings. Enrolment
 * never pins settings that do not fit the version a patient is enrolled on (HZ-72: refused with a
 * 409 naming them, rather than run on defaults), so a publish that makes them unfit stops new
 * enrolments until settings that fit are published: the publish panel says so beforehand.
 */
@Injectable()
export class DefinitionSettingsFitService {
  constructor(
    private readonly definitions: JourneyDefinitionsService,
    private readonly settings: ProgramSettingsStore,
  ) {}

  async fit(id: string): Promise<SettingsFitView> {
    const draft = await this.definitions.draft(id);
    const settingsSchema = definitionSettingsSchema(draft.definition);
    const current = await this.settings.current({ id, settingsSchema });
    const base = { definitionId: id, revision: draft.revision, settingsVersion: current.version };
    // The built-in defaults are the draft's own declarations: they always fit.
    if (current.version === 0) return { ...base, fits: true, problems: [] };
    const refit = settingsSchema.safeParse(current.settings);
    if (refit.success) return { ...base, fits: true, problems: [] };
    return {
      ...base,
      fits: false,
      problems: refit.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || '(settings)',
        message: issue.message,
      })),
    };
  }
}
