/** Values a journey passes to its message templates: already formatted, never raw clinical records. */
export type TemplateValues = Record<string, string>;

/** Plain-language wording for one message. The engagement layer moves these into template files. */
export type RenderTemplate = (values: TemplateValues) => string;

export type TemplateSet<Key extends string> = Record<Key, RenderTemplate>;

/** Formats an ISO instant as a date and time a patient reads in their own time zone. */
export function localDateTime(iso: string | undefined, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: timeZone ?? 'UTC',
  }).format(new Date(iso ?? Date.now()));
}
