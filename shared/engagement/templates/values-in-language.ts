import {
  DEFAULT_TEXT_LANGUAGE,
  LANGUAGE_VALUE_SEPARATOR,
} from '../../../workflows/outreach-escalation/localized-text';

export interface ValuesInLanguage {
  /** Each value in the language asked for where the journey gave one, else in the default language. */
  values: Record<string, string>;
  /** Values that fell back to the default language though the message is in another one. */
  inDefaultLanguage: string[];
}

/**
 * The values of a message in `language` (the language of the wording file chosen): `name@es`
 * replaces `name`, then `name@<base>` for a regional tag (es-MX -> es). `localizable` names the
 * values that could have been given per language, so a plain one is flagged too.
 */
export function valuesInLanguage(
  values: Readonly<Record<string, string>>,
  language: string,
  localizable: readonly string[] = [],
): ValuesInLanguage {
  const plain: Record<string, string> = {};
  const perLanguage = new Set(localizable);
  for (const [key, value] of Object.entries(values)) {
    const at = key.indexOf(LANGUAGE_VALUE_SEPARATOR);
    if (at < 0) plain[key] = value;
    else perLanguage.add(key.slice(0, at));
  }
  const inDefaultLanguage: string[] = [];
  const tags = [...new Set([language, language.split('-')[0]!])];
  for (const name of perLanguage) {
    if (!(name in plain)) continue;
    const found = tags
      .map((tag) => values[`${name}${LANGUAGE_VALUE_SEPARATOR}${tag}`])
      .find((value) => value !== undefined);
    if (found !== undefined) plain[name] = found;
    else if (tags[tags.length - 1] !== DEFAULT_TEXT_LANGUAGE) inDefaultLanguage.push(name);
  }
  return { values: plain, inDefaultLanguage };
}
