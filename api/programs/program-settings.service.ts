import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import {
  ProgramSettingsStore,
  SettingsValidationError,
  SettingsVersionConflictError,
  type PublishRequest,
  type PublishedSettings,
  type SettingsVersionSummary,
} from '../../persistence/program-settings-store';
import type { CatalogueJourney } from '../../shared/journeys/catalogue-journey';
import { JourneyCatalogue } from '../journeys/journey-catalogue.service';
import { plainTextProblem } from '../requests/plain-text';
import { z } from 'zod';
import { renderTemplate } from '../../shared/engagement/templates/render-template';
import { valuesInLanguage } from '../../shared/engagement/templates/values-in-language';
import { readableIssue } from '../../shared/settings/readable-issues';
import { DEFAULT_TEXT_LANGUAGE } from '../../workflows/outreach-escalation/localized-text';
import { previewValues } from './preview-values';
import type { JsonSchemaNode } from '../../shared/settings/settings-schema-lookup';
import { badRequest, type FieldError } from '../errors/api-error';

export interface PreviewRequest {
  settings: unknown;
  wording: string;
  language: string;
  channel: string;
  item?: string;
}

export interface SettingsPreview {
  text: string;
  subject?: string;
  language: string;
  file: string;
  segments?: number;
  fallbacks: Array<{ value?: string; message: string }>;
}

const languageName = (tag: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;

export interface SettingsCheck {
  valid: boolean;
  settings?: Record<string, unknown>;
  errors: Array<{ field?: string; message: string }>;
}

/**
 * Program settings over HTTP: the store's rules, with its failures turned into API errors. A
 * journey type is anything in the catalogue: a coded journey, whose module declares the schema,
 * or a published definition, whose latest version's `settings` declarations do.
 */
@Injectable()
export class ProgramSettingsService {
  private readonly jsonSchemas = new Map<string, JsonSchemaNode>();

  constructor(
    private readonly store: ProgramSettingsStore,
    private readonly catalogue: JourneyCatalogue,
  ) {}

  async current(journeyType: string): Promise<PublishedSettings> {
    return this.store.current(await this.requireType(journeyType));
  }

  async version(journeyType: string, version: number): Promise<PublishedSettings> {
    const found = await this.store.version(await this.requireType(journeyType), version);
    if (!found) {
      throw new NotFoundException({
        message: `Journey type "${journeyType}" has no settings version ${version}.`,
        errors: [],
      });
    }
    return found;
  }

  async history(journeyType: string): Promise<SettingsVersionSummary[]> {
    return this.store.history(await this.requireType(journeyType));
  }

  /** Validates a draft without publishing it: what the designer's "validate" button shows. */
  async check(journeyType: string, draft: unknown): Promise<SettingsCheck> {
    return this.checkFor(await this.requireType(journeyType), draft);
  }

  private checkFor(type: CatalogueJourney, draft: unknown): SettingsCheck {
    const textProblems = unreadableText(draft, 'settings');
    if (textProblems.length > 0) return { valid: false, errors: textProblems };
    try {
      return { valid: true, settings: this.store.resolve(type, draft), errors: [] };
    } catch (error) {
      if (error instanceof SettingsValidationError) {
        return { valid: false, errors: this.fieldErrors(type, error) };
      }
      throw error;
    }
  }

  /**
   * A message as a patient in `language` would get it on `channel` with the draft settings: the
   * real renderer and wording files, and a note wherever the default language stands in.
   */
  async preview(journeyType: string, request: PreviewRequest): Promise<SettingsPreview> {
    const type = await this.requireType(journeyType);
    if (type.kind === 'definition') {
      // A definition's wording sits in its message nodes, not in wording files: its preview is the simulator's.
      throw badRequest(`Journey "${journeyType}" is a definition: preview its messages in the simulator.`, [
        { field: 'wording', message: 'only coded journeys have wording files' },
      ]);
    }
    if (!request.wording.startsWith(`${journeyType}.`)) {
      throw badRequest(`The wording must be one of ${journeyType}'s.`, [
        { field: 'wording', message: `must start with "${journeyType}."` },
      ]);
    }
    const checked = this.checkFor(type, request.settings);
    if (!checked.valid || !checked.settings) {
      throw badRequest('Fix the draft before previewing it.', checked.errors);
    }
    const { values, localizable } = previewValues(
      journeyType,
      checked.settings,
      request.wording,
      request.item,
    );
    let rendered;
    try {
      rendered = renderTemplate({
        key: request.wording,
        channel: request.channel,
        language: request.language,
        readingLevel: 'plain',
        values,
      });
    } catch (error) {
      if (error instanceof ApplicationFailure) {
        throw new UnprocessableEntityException({
          message: `The message cannot be rendered: ${error.message}`,
          errors: [{ field: 'wording', message: error.message }],
        });
      }
      throw error;
    }
    const fallbacks: SettingsPreview['fallbacks'] = [];
    const wanted = languageName(request.language);
    if (rendered.variant.language.split('-')[0] !== request.language.split('-')[0]) {
      fallbacks.push({
        message: `This message has no ${wanted} wording: the patient gets the ${languageName(rendered.variant.language)} one.`,
      });
    }
    const { inDefaultLanguage } = valuesInLanguage(
      values,
      rendered.variant.language,
      Object.keys(localizable),
    );
    // Only what the patient reads: a value the wording does not use cannot fall back.
    const shown = (name: string) =>
      [rendered.text, rendered.subject ?? ''].some((text) => text.includes(values[name]!));
    for (const name of inDefaultLanguage.filter(shown)) {
      fallbacks.push({
        value: name,
        message: `${localizable[name] ?? name} has no ${wanted} text: the message shows the ${languageName(DEFAULT_TEXT_LANGUAGE)} one.`,
      });
    }
    return {
      text: rendered.text,
      ...(rendered.subject === undefined ? {} : { subject: rendered.subject }),
      language: rendered.variant.language,
      file: rendered.variant.file,
      ...(rendered.segments === undefined ? {} : { segments: rendered.segments }),
      fallbacks,
    };
  }

  async publish(journeyType: string, request: PublishRequest): Promise<PublishedSettings> {
    const textProblems = unreadableText(request.settings, 'settings');
    if (textProblems.length > 0)
      throw badRequest('The settings hold text no patient should get.', textProblems);
    const type = await this.requireType(journeyType);
    try {
      return await this.store.publish(type, request);
    } catch (error) {
      if (error instanceof SettingsValidationError) {
        throw badRequest('The settings have problems; nothing was published.', this.fieldErrors(type, error));
      }
      if (error instanceof SettingsVersionConflictError) {
        throw new ConflictException({
          message: `${error.message} Review it and publish again based on version ${error.currentVersion}.`,
          errors: [{ field: 'basedOnVersion', message: `must be ${error.currentVersion}` }],
        });
      }
      throw error;
    }
  }

  /** Each issue as a sentence naming the field by its schema title, at its zod path. */
  private fieldErrors(type: CatalogueJourney, error: SettingsValidationError): FieldError[] {
    const schema = this.jsonSchema(type);
    return error.issues.map((issue) => ({
      field: ['settings', ...issue.path.map(String)].join('.'),
      message: readableIssue(issue, schema),
    }));
  }

  private jsonSchema(type: CatalogueJourney): JsonSchemaNode | undefined {
    if (!type.settingsSchema) return undefined;
    // A definition's schema changes with each published version: cached per version.
    const key = type.definition ? `${type.id}@${type.definition.version}` : type.id;
    const cached = this.jsonSchemas.get(key);
    if (cached) return cached;
    const schema = z.toJSONSchema(type.settingsSchema, {
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchemaNode;
    this.jsonSchemas.set(key, schema);
    return schema;
  }

  /** A coded journey, or a definition at its latest published version (never a draft-only one). */
  private async requireType(id: string): Promise<CatalogueJourney> {
    const catalogue = await this.catalogue.list();
    const type = catalogue.find((journey) => journey.id === id);
    if (!type) {
      throw new NotFoundException({
        message: `Unknown journey type "${id}".`,
        errors: [
          { field: 'journeyType', message: `must be one of: ${catalogue.map((t) => t.id).join(', ')}` },
        ],
      });
    }
    return type;
  }
}

/**
 * Settings text (clinic locations, labels) reaches patients' messages: no control characters,
 * direction overrides or invisible-only values, wherever they sit in the draft.
 */
function unreadableText(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    const problem = value === '' ? undefined : plainTextProblem(value, { multiline: true });
    return problem ? [{ field: path, message: problem }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => unreadableText(child, `${path}.${key}`));
}
