/** The program-settings slice of the Carepath API, as this screen reads and writes it. */
import type { components } from '../generated/openapi';
import type { JourneyType } from '../api';

type Schemas = components['schemas'];

export type SettingsObject = Record<string, unknown>;

/** A JSON Schema node (from zod, io "input"); only the keywords this screen reads are typed. */
export type JsonSchema = Record<string, unknown>;

/** What the panel needs of a journey type (`GET /api/journey-types`). */
export type SettingsJourneyType = Pick<JourneyType, 'id' | 'title' | 'settingsSchema'>;

export type SettingsVersionSummary = Schemas['SettingsVersionSummaryView'];
/** Fully resolved: every default filled in. */
export type SettingsVersion = Schemas['SettingsVersionView'];
export type SettingsCheck = Schemas['SettingsCheckView'];
