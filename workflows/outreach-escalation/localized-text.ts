import type { z } from 'zod';
import type { ZodApi } from '../../contracts/lazy-schema';

/*
 * Settings text that reaches patients (a clinic's locations, an item's name) given per language:
 * `{ en: '...', es: '...' }`. A plain string is the program's default language: that is how
 * every version published before this existed, and every running journey's input, holds it.
 * Workflows read the text with the functions below; only settings schemas take zod, from their
 * builder, so a workflow importing this loads no zod (contracts/lazy-schema.ts).
 */

/** The program's default language: a plain string is in it, and a map must include it. */
export const DEFAULT_TEXT_LANGUAGE = 'en';

/** Message values carry a language's text as `<name>@<language>` beside the default `<name>`. */
export const LANGUAGE_VALUE_SEPARATOR = '@';

/** The languages the journeys' wording files are written in: the settings screen offers these. */
export const WORDING_LANGUAGES = ['en', 'es'] as const;

export type LocalizedText = string | Readonly<Record<string, string>>;

const languageTag = (z: ZodApi) =>
  z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as es or es-MX');

/** The settings schema of a patient-facing text, plain or per language. */
export function localizedText(z: ZodApi, text: z.ZodString) {
  return z
    .union([
      text,
      z.record(languageTag(z), text).refine((map) => DEFAULT_TEXT_LANGUAGE in map, {
        message: `Give the text in the program's default language (${DEFAULT_TEXT_LANGUAGE}) too: patients whose language has none get it.`,
      }),
    ])
    .meta({ localized: true, defaultLanguage: DEFAULT_TEXT_LANGUAGE, languages: [...WORDING_LANGUAGES] });
}

/** The text in the default language: for staff task titles and summaries. */
export function defaultText(text: LocalizedText): string {
  if (typeof text === 'string') return text;
  return text[DEFAULT_TEXT_LANGUAGE] ?? Object.values(text)[0] ?? '';
}

/**
 * The message values of one text: `{ name: default }`, plus `name@es` per other language, so the
 * renderer picks the patient's language at render time. A plain string gives exactly the value
 * it always gave, so messages of journeys started before per-language text are unchanged.
 */
export function localizedValues(name: string, text: LocalizedText): Record<string, string> {
  const values: Record<string, string> = { [name]: defaultText(text) };
  if (typeof text === 'string') return values;
  for (const [language, value] of Object.entries(text)) {
    if (language !== DEFAULT_TEXT_LANGUAGE) values[`${name}${LANGUAGE_VALUE_SEPARATOR}${language}`] = value;
  }
  return values;
}
