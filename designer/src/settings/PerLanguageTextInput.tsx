import { FieldName } from './FieldName';
import { isPerLanguageText } from './flatten-settings';
import type { SettingField } from './setting-fields';
import type { ControlAttributes } from './SettingInput';

interface PerLanguageTextInputProps {
  field: SettingField;
  value: unknown;
  control: ControlAttributes;
  onChange: (value: unknown) => void;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "es" → "Spanish": the name a designer knows the language by. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The texts of one patient-facing setting, one per language. A plain string is the default
 * language; the value stays a plain string until another language is given, so a draft that
 * gives none changes nothing in published settings.
 */
export function PerLanguageTextInput({ field, value, control, onChange }: PerLanguageTextInputProps) {
  const languages = field.languages ?? ['en'];
  const defaultLanguage = languages[0]!;
  const texts: Record<string, string> = isPerLanguageText(value)
    ? value
    : { [defaultLanguage]: typeof value === 'string' ? value : '' };

  function edit(language: string, text: string): void {
    const next = { ...texts, [language]: text };
    for (const [tag, given] of Object.entries(next))
      if (tag !== defaultLanguage && given === '') delete next[tag];
    const others = Object.keys(next).filter((tag) => tag !== defaultLanguage);
    onChange(others.length === 0 ? (next[defaultLanguage] ?? '') : next);
  }

  return (
    <fieldset className="per-language-input" tabIndex={-1} {...control}>
      <legend>
        <FieldName field={field} />
      </legend>
      {languages.map((language) => {
        const id = `${control.id}-${language}`;
        return (
          <div key={language} className="per-language-row">
            <label htmlFor={id}>
              <span className="visually-hidden">{field.label}, </span>
              {languageName(language)}
              {language === defaultLanguage ? ' (default)' : ''}
            </label>
            <input
              id={id}
              type="text"
              lang={language}
              value={texts[language] ?? ''}
              placeholder={language === defaultLanguage ? undefined : 'Not given: the default is used'}
              onChange={(event) => edit(language, event.target.value)}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
