/** What the audit list is narrowed to; empty strings mean "any". */
export interface AuditFilters {
  journeyId: string;
  actor: string;
  action: string;
  /** ISO 8601 instants. */
  since: string;
  until: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { journeyId: '', actor: '', action: '', since: '', until: '' };

const KEYS = Object.keys(NO_AUDIT_FILTERS) as Array<keyof AuditFilters>;

/**
 * The filters that may live in the address. The patient filter never does: a patient id in a URL
 * ends up in browser history, proxies and shared links, so it stays in the page.
 */
export function auditFiltersOf(params: URLSearchParams): AuditFilters {
  return Object.fromEntries(KEYS.map((key) => [key, params.get(key) ?? ''])) as unknown as AuditFilters;
}

export function auditSearchOf(filters: AuditFilters, pageToken?: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key]) params.set(key, filters[key]);
  if (pageToken) params.set('pageToken', pageToken);
  return params;
}

/** An ISO instant as a `datetime-local` input shows it: the browser's own clock, to the minute. */
export function toLocalInput(iso: string): string {
  const at = new Date(iso);
  if (!iso || Number.isNaN(at.getTime())) return '';
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A `datetime-local` value (the browser's clock) as the ISO instant the API takes. */
export function fromLocalInput(value: string): string {
  const at = new Date(value);
  return !value || Number.isNaN(at.getTime()) ? '' : at.toISOString();
}
