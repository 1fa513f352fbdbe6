/**
 * Calendar dates (`YYYY-MM-DD`) as screening rules count them: ages in whole years, intervals in
 * calendar months. Dates are compared as strings, which sorts them correctly. A dateTime keeps
 * the date it was written with (`2023-09-01T23:30:00-05:00` is 1 September where it happened),
 * which is the date a clinician would say. Pure: workflows, the EHR routes and the cohort finder
 * read dates alike.
 */
export type IsoDate = string;

const DATE_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The date of a FHIR date or dateTime; a partial date (`1970`, `1970-05`) counts from its first day. */
export function dateOf(value: string | undefined): IsoDate | undefined {
  const match = value ? DATE_PREFIX.exec(value) : null;
  if (!match) return undefined;
  return `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`;
}

/** `months` calendar months later (or earlier), on the last day of the month when it is shorter. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole years from birth to `on` (a birthday counts on its day). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A count of days before a date (UTC calendar days). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
