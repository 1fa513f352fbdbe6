import Handlebars from 'handlebars';

/*
 * The only logic a wording file may use besides {{#if}} / {{#unless}}: everything a message
 * computes from its values lives here, once, in every language the files are written in. The
 * render passes the language of the file it chose as `@language`, so a date or clause always
 * matches the words around it (an English fallback file gets English dates).
 */

export interface RenderData {
  language: string;
}

/** A private instance: nothing else in the process can add helpers or partials the files would see. */
export const templateEngine = Handlebars.create();

/** The helpers a file may call; compiling with `knownHelpersOnly` rejects any other (and each/with/lookup). */
export const allowedHelpers = {
  localDateTime: true,
  localDate: true,
  overdue: true,
  isYes: true,
  each: false,
  with: false,
  lookup: false,
  log: false,
} as const;

// en-GB is the format the English wording was reviewed with ("Wednesday, 30 September 2026 at
// 09:30"); es-ES writes "miércoles, 30 de septiembre de 2026, 9:30". Other languages use their own tag.
const formatLocales: Record<string, string> = { en: 'en-GB', es: 'es-ES' };

/** "is about 3 years overdue", "is about 5 months overdue", or "is due" when unknown or on time. */
const overdueWording: Record<string, { due: string; years(n: number): string; months(n: number): string }> = {
  en: {
    due: 'is due',
    years: (n) => `is about ${n} ${n === 1 ? 'year' : 'years'} overdue`,
    months: (n) => `is about ${n} ${n === 1 ? 'month' : 'months'} overdue`,
  },
  // "tiene un retraso" agrees with any item, whatever its grammatical gender.
  es: {
    due: 'está pendiente',
    years: (n) =>
      n === 1 ? 'tiene un retraso de alrededor de un año' : `tiene un retraso de unos ${n} años`,
    months: (n) =>
      n === 1 ? 'tiene un retraso de alrededor de un mes' : `tiene un retraso de unos ${n} meses`,
  },
};

const baseLanguage = (language: string) => language.split('-')[0];

/**
 * Registers a helper that takes `arity` text values. Strict mode does not check helper
 * arguments, so a value the workflow did not pass must fail here rather than print "undefined".
 */
function defineHelper(
  name: string,
  arity: number,
  body: (args: string[], language: string) => unknown,
): void {
  templateEngine.registerHelper(name, (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions;
    if (args.length !== arity) throw new Error(`{{${name}}} takes ${arity} value(s), not ${args.length}.`);
    const missing = args.findIndex((arg) => typeof arg !== 'string');
    if (missing >= 0) throw new Error(`{{${name}}}: value ${missing + 1} is missing.`);
    return body(args as string[], (options.data as RenderData).language);
  });
}

function formatInstant(iso: string, timeZone: string, language: string, withTime: boolean): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`"${iso}" is not an ISO instant.`);
  const locale = formatLocales[baseLanguage(language)] ?? language;
  const formatted = new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone,
  }).format(at);
  return withTime ? `${formatted} (${zoneName(at, timeZone, locale)})` : formatted;
}

/**
 * A time of day can be misread by a patient away from home or a clinic in another zone: it is
 * always followed by the zone it is in (`CST`, `GMT+1`), as the patient's language writes it.
 */
function zoneName(at: Date, timeZone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** {{localDateTime appointmentAt timeZone}}: the day and time as the patient reads them, in their time zone. */
defineHelper('localDateTime', 2, ([iso, timeZone], language) => formatInstant(iso, timeZone, language, true));

/** {{localDate lastDayAt timeZone}}: a deadline's day only. */
defineHelper('localDate', 2, ([iso, timeZone], language) => formatInstant(iso, timeZone, language, false));

/** {{overdue monthsOverdue}}: the clause after the item; `monthsOverdue` is empty when unknown. */
defineHelper('overdue', 1, ([monthsOverdue], language) => {
  const wording = overdueWording[baseLanguage(language)];
  if (!wording) throw new Error(`{{overdue}} has no wording in "${language}".`);
  const months = Number(monthsOverdue || '0');
  // Whole years, rounded down: "about 2 years" for 18 months would claim more than is so.
  if (months >= 12) return wording.years(Math.floor(months / 12));
  if (months > 0) return wording.months(months);
  return wording.due;
});

/** {{#if (isYes goalMet)}}: workflows pass yes/no answers as the strings 'yes' and 'no'. */
defineHelper('isYes', 1, ([answer]) => answer === 'yes');
