import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  ProgramSettingsStore,
  SettingsValidationError,
  SettingsVersionConflictError,
  type PublishRequest,
  type PublishedSettings,
  type SettingsVersionSummary,
} from '../../persistence/program-settings-store';
import { findJourneyType, journeyTypes, type JourneyType } from '../../workflows/journey-types';
import { plainTextProblem } from '../requests/plain-text';
import { z } from 'zod';
import { readableIssue } from '../../shared/settings/readable-issues';
import type { JsonSchemaNode } from '../../shared/settings/settings-schema-lookup';
import { badRequest, type FieldError } from '../errors/api-error';

export interface SettingsCheck {
  valid: boolean;
  settings?: Record<string, unknown>;
  errors: Array<{ field?: string; message: string }>;
}

/** Program settings over HTTP: the store's rules, with its failures turned into API errors. */
@Injectable()
export class ProgramSettingsService {
  private readonly jsonSchemas = new Map<string, JsonSchemaNode>();

  constructor(private readonly store: ProgramSettingsStore) {}

  current(journeyType: string): Promise<PublishedSettings> {
    return this.store.current(this.requireType(journeyType));
  }

  async version(journeyType: string, version: number): Promise<PublishedSettings> {
    const found = await this.store.version(this.requireType(journeyType), version);
    if (!found) {
      throw new NotFoundException({
        message: `Journey type "${journeyType}" has no settings version ${version}.`,
        errors: [],
      });
    }
    return found;
  }

  history(journeyType: string): Promise<SettingsVersionSummary[]> {
    return this.store.history(this.requireType(journeyType));
  }

  /** Validates a draft without publishing it: what the designer's "validate" button shows. */
  check(journeyType: string, draft: unknown): SettingsCheck {
    const textProblems = unreadableText(draft, 'settings');
    if (textProblems.length > 0) return { valid: false, errors: textProblems };
    try {
      return { valid: true, settings: this.store.resolve(this.requireType(journeyType), draft), errors: [] };
    } catch (error) {
      if (error instanceof SettingsValidationError) {
        return { valid: false, errors: this.fieldErrors(journeyType, error) };
      }
      throw error;
    }
  }

  async publish(journeyType: string, request: PublishRequest): Promise<PublishedSettings> {
    const textProblems = unreadableText(request.settings, 'settings');
    if (textProblems.length > 0)
      throw badRequest('The settings hold text no patient should get.', textProblems);
    try {
      return await this.store.publish(this.requireType(journeyType), request);
    } catch (error) {
      if (error instanceof SettingsValidationError) {
        throw badRequest(
          'The settings have problems; nothing was published.',
          this.fieldErrors(journeyType, error),
        );
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
  private fieldErrors(journeyType: string, error: SettingsValidationError): FieldError[] {
    const schema = this.jsonSchema(this.requireType(journeyType));
    return error.issues.map((issue) => ({
      field: ['settings', ...issue.path.map(String)].join('.'),
      message: readableIssue(issue, schema),
    }));
  }

  private jsonSchema(type: JourneyType): JsonSchemaNode | undefined {
    if (!type.settingsSchema) return undefined;
    const cached = this.jsonSchemas.get(type.id);
    if (cached) return cached;
    const schema = z.toJSONSchema(type.settingsSchema, {
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchemaNode;
    this.jsonSchemas.set(type.id, schema);
    return schema;
  }

  private requireType(id: string): JourneyType {
    const type = findJourneyType(id);
    if (!type) {
      throw new NotFoundException({
        message: `Unknown journey type "${id}".`,
        errors: [
          { field: 'journeyType', message: `must be one of: ${journeyTypes.map((t) => t.id).join(', ')}` },
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
