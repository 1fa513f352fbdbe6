import type { JsonSchema } from './settings-api';

/** The wording keys a journey's settings can name: every enum value of its schema in the journey's namespace. */
export function wordingKeys(schema: JsonSchema | undefined, journeyType: string): string[] {
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as JsonSchema;
    if (Array.isArray(record.enum)) {
      for (const value of record.enum) {
        if (typeof value === 'string' && value.startsWith(`${journeyType}.`)) keys.add(value);
      }
    }
    Object.entries(record)
      .filter(([key]) => key !== 'default' && key !== 'examples')
      .forEach(([, child]) => visit(child));
  };
  visit(schema);
  return [...keys].sort();
}

/** The languages the schema offers patient-facing text in (the default first); English alone when none. */
export function previewLanguages(schema: JsonSchema | undefined): string[] {
  const languages = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as JsonSchema;
    if (record.localized === true) {
      if (typeof record.defaultLanguage === 'string') languages.add(record.defaultLanguage);
      if (Array.isArray(record.languages)) for (const tag of record.languages) languages.add(String(tag));
    }
    Object.values(record).forEach(visit);
  };
  visit(schema);
  return languages.size > 0 ? [...languages] : ['en', 'es'];
}
