/** The program-settings slice of the Carepath API, as this screen reads and writes it. */

export type SettingsObject = Record<string, unknown>;

/** A JSON Schema node (from zod, io "input"); only the keywords this screen reads are typed. */
export type JsonSchema = Record<string, unknown>;

/** What the panel needs of a journey type (`GET /api/journey-types`). */
export interface SettingsJourneyType {
  id: string;
  title: string;
  settingsSchema: JsonSchema;
}

export interface SettingsVersionSummary {
  journeyType: string;
  /** 0 is the built-in defaults, in force until a version is published. */
  version: number;
  note: string;
  /** The role that published it. */
  publishedBy: string;
  publishedAt: string | null;
}

export interface SettingsVersion extends SettingsVersionSummary {
  /** Fully resolved: every default filled in. */
  settings: SettingsObject;
}

export interface SettingsCheck {
  valid: boolean;
  settings?: SettingsObject;
  errors: Array<{ field?: string; message: string }>;
}

export interface PublishSettingsRequest {
  settings: SettingsObject;
  basedOnVersion: number;
  note?: string;
}

export function currentSettingsPath(journeyType: string): string {
  return `/api/programs/${encodeURIComponent(journeyType)}/settings`;
}

export function settingsVersionsPath(journeyType: string): string {
  return `${currentSettingsPath(journeyType)}/versions`;
}

export function settingsVersionPath(journeyType: string, version: number): string {
  return `${settingsVersionsPath(journeyType)}/${version}`;
}

export function validateSettingsPath(journeyType: string): string {
  return `${currentSettingsPath(journeyType)}/validate`;
}
