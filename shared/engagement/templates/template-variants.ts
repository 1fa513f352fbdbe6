/** The two reading levels wording is written at; `plain` is what every message has. */
export type ReadingLevel = 'plain' | 'standard';

/** One wording file of a message: `<message>.<language>.<readingLevel>.<channel>.hbs`. */
export interface TemplateVariant {
  language: string;
  readingLevel: ReadingLevel;
  /** A channel's name, or `any`: the file every channel without its own uses. */
  channel: string;
}

/** Every message has English: the language a patient gets when theirs has no wording yet. */
export const FALLBACK_LANGUAGE = 'en';

/**
 * `es-MX` -> es-MX, es, en. A tag that is not a language tag at all (it also names files, so it
 * must never carry a path) counts as no preference.
 */
export function languageFallbacks(language: string): string[] {
  const canonical = canonicalLanguage(language);
  const requested = canonical ? [canonical, canonical.split('-')[0]] : [];
  return [...new Set([...requested, FALLBACK_LANGUAGE])];
}

function canonicalLanguage(language: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(language.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * The files to try, best first: the language (then its base, then English) matters most, then
 * the reading level (then plain), then the channel's own file (then `any`).
 */
export function variantsToTry(language: string, readingLevel: ReadingLevel, channel: string) {
  const levels: ReadingLevel[] = readingLevel === 'plain' ? ['plain'] : [readingLevel, 'plain'];
  const channels: TemplateVariant['channel'][] = [channel, 'any'];
  return languageFallbacks(language).flatMap((lang) =>
    levels.flatMap((level) =>
      channels.map((ch): TemplateVariant => ({ language: lang, readingLevel: level, channel: ch })),
    ),
  );
}
