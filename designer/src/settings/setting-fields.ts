import { flattenSettings, isPerLanguageText, isPlainObject } from './flatten-settings';
import { labelWithUnit, rowShapes, type RowShape } from './row-schema';
import { enumOptions, numberRules, schemaAt, schemaDescription, schemaTitle } from './schema-lookup';
import type { JsonSchema, SettingsObject } from './settings-api';

/** How a leaf is shown and edited; decided by its value, refined by the schema. */
export type SettingKind =
  | 'number'
  | 'text'
  | 'choice'
  | 'yes-no'
  /** An array of strings, such as a channel order: reordered, not retyped. */
  | 'ordered-list'
  /** Any other array of numbers or strings: typed as comma-separated text. */
  | 'list-text'
  /** Patient-facing text, plain (the default language) or per language: one input per language. */
  | 'per-language'
  /** Arrays of objects (escalation steps, deadline rules): repeatable rows, one control per field. */
  | 'rows'
  /** Anything the schema does not describe well enough for a form: edited as JSON. */
  | 'structured';

export interface SettingField {
  path: string;
  /** The group the leaf is listed under: its parent path, humanized ("" at the top level). */
  group: string;
  label: string;
  description?: string;
  kind: SettingKind;
  /** For choices: every option the schema allows. */
  options?: readonly string[];
  integer?: boolean;
  min?: number;
  max?: number;
  /** For list-text: numbers are parsed back as numbers. */
  itemType?: 'number' | 'string';
  /** For per-language text: the languages offered, the default one first. */
  languages?: readonly string[];
  /** For rows: the kinds of row the list allows and their fields. */
  shapes?: readonly RowShape[];
}

/** "followUpDelayHours" → "Follow up delay hours"; "nhs-england" → "Nhs england". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function groupOf(path: string, schema: JsonSchema | undefined): string {
  const keys = path.split('.').slice(0, -1);
  return keys
    .map(
      (key, index) => schemaTitle(schemaAt(schema, keys.slice(0, index + 1).join('.'))) ?? humanizeKey(key),
    )
    .join(' › ');
}

/** The schema's note that a text may be given per language (localizedText in the settings schemas). */
function perLanguageMeta(
  node: JsonSchema | undefined,
): { defaultLanguage?: string; languages?: string[] } | undefined {
  if (node?.localized !== true) return undefined;
  const languages = Array.isArray(node.languages)
    ? node.languages.filter((tag): tag is string => typeof tag === 'string')
    : undefined;
  return {
    defaultLanguage: typeof node.defaultLanguage === 'string' ? node.defaultLanguage : undefined,
    languages,
  };
}

/** The item type of an empty array, which only the schema can tell. */
function schemaItemType(node: JsonSchema | undefined): 'number' | 'string' | undefined {
  const items = node?.items;
  const type = typeof items === 'object' && items !== null ? (items as JsonSchema).type : undefined;
  if (type === 'number' || type === 'integer') return 'number';
  return type === 'string' ? 'string' : undefined;
}

function kindOf(
  value: unknown,
  node: JsonSchema | undefined,
): Pick<SettingField, 'kind' | 'options' | 'itemType' | 'shapes' | 'languages'> {
  const perLanguage = perLanguageMeta(node);
  if (perLanguage || isPerLanguageText(value)) {
    const given = isPerLanguageText(value) ? Object.keys(value) : [];
    const offered = perLanguage?.languages ?? [];
    const first = perLanguage?.defaultLanguage ?? 'en';
    return { kind: 'per-language', languages: [...new Set([first, ...offered, ...given])] };
  }
  if (typeof value === 'boolean') return { kind: 'yes-no' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'string') {
    const options = enumOptions(node);
    return options ? { kind: 'choice', options } : { kind: 'text' };
  }
  if (Array.isArray(value)) {
    const shapes = rowShapes(node);
    if (shapes.length > 0 && value.every(isPlainObject)) return { kind: 'rows', shapes };
    if (value.length > 0 && value.every((item) => typeof item === 'string')) return { kind: 'ordered-list' };
    if (value.length > 0 && value.every((item) => typeof item === 'number')) {
      return { kind: 'list-text', itemType: 'number' };
    }
    // An empty list has nothing to reorder: typing its items is the only way to add some.
    const itemType = value.length === 0 ? schemaItemType(node) : undefined;
    if (itemType) return { kind: 'list-text', itemType };
  }
  return { kind: 'structured' };
}

/** One field per leaf of the settings, labelled and typed with help from the schema. */
export function settingFields(settings: SettingsObject, schema: JsonSchema | undefined): SettingField[] {
  return flattenSettings(settings).map(({ path, value }) => {
    const node = schemaAt(schema, path);
    const kind = kindOf(value, node);
    return {
      path,
      group: groupOf(path, schema),
      label: labelWithUnit(schemaTitle(node) ?? humanizeKey(path.split('.').at(-1)!), node),
      description: schemaDescription(node),
      ...kind,
      ...(kind.kind === 'number' && numberRules(node)),
    };
  });
}

/** The label with its group, where a field is named out of its group (a diff row, a problem). */
export function fullLabel(field: SettingField): string {
  return field.group ? `${field.group} › ${field.label}` : field.label;
}

export interface SettingGroup {
  /** "" for settings at the top level. */
  name: string;
  fields: SettingField[];
}

/** Fields by group, groups in order of their first field, top-level settings first. */
export function groupSettingFields(fields: readonly SettingField[]): SettingGroup[] {
  const groups = new Map<string, SettingField[]>();
  for (const field of fields) groups.set(field.group, [...(groups.get(field.group) ?? []), field]);
  return [...groups]
    .map(([name, members]) => ({ name, fields: members }))
    .sort((a, b) => Number(b.name === '') - Number(a.name === ''));
}
