/** The slice of the Carepath API the designer uses, and a small fetch wrapper around it. */
import type { Blueprint } from './map/blueprint-types';

export interface JourneyType {
  id: string;
  title: string;
  description: string;
  paramsSchema: Record<string, unknown>;
  eventSchema: Record<string, unknown>;
  settingsSchema: Record<string, unknown>;
  /** The settings version new enrolments get (0: built-in defaults). */
  settingsVersion: number;
  blueprint: Blueprint;
}

/** Journeys at one stage or end of the map (`GET /api/journey-types/:id/stats`). */
export interface StageCount {
  stage: string;
  now: number;
  droppedOff: number;
  breached: number;
}

export interface JourneyTypeStats {
  journey: string;
  running: number;
  paused: number;
  completed: number;
  cancelled: number;
  droppedOff: number;
  breached: number;
  stages: StageCount[];
  countedAt: string;
}

export const STATUS_FILTERS = ['active', 'paused', 'completed', 'cancelled'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface JourneySummary {
  /** Opaque; never parse it or show it outside the designer. */
  id: string;
  journey: string;
  /** active, completed, cancelled, failed, terminated or timed-out. */
  status: string;
  stage: string;
  startedAt: string;
  closedAt?: string;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  summary: string;
  ref?: string;
}

export interface UpcomingTimer {
  id: string;
  label: string;
  dueAt: string;
}

export interface Deadline {
  id: string;
  label: string;
  dueAt: string;
  status: 'pending' | 'met' | 'met-late' | 'breached' | 'void';
  breachedAt?: string;
  metAt?: string;
  lateByDays?: number;
}

export interface JourneyDetail extends JourneySummary {
  settingsVersion: number;
  timeline: TimelineEntry[];
  upcoming: UpcomingTimer[];
  deadlines: Deadline[];
  temporalUiUrl: string;
}

/** Who the signed-in key belongs to (`GET /api/session`). */
export interface Session {
  role: 'designer' | 'operator' | 'integration' | 'auditor';
  name: string;
}

export interface StaffTask {
  id: string;
  journeyId: string;
  kind: string;
  priority: 'routine' | 'urgent';
  title: string;
  dueAt: string | null;
  status: string;
  claimedBy: string | null;
}

export interface JourneyPage {
  items: JourneySummary[];
  nextPageToken?: string;
}

export interface FieldError {
  field?: string;
  message: string;
}

/** A failed request. `status` is 0 when the API could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: FieldError[];

  constructor(status: number, message: string, errors: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
  }
}

export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /**
   * Lets the Temporal Web UI decode this operator's journeys: the API sets a codec session cookie
   * the UI sends along. Refused (and harmless) for other roles, who then see ciphertext there.
   */
  openCodecSession?(): Promise<void>;
}

/** GET an API path with a bearer key; every failure becomes an ApiError (aborts are rethrown as-is). */
export function apiGet<T>(path: string, apiKey: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('GET', path, apiKey, { signal });
}

async function apiRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  apiKey: string,
  options: { body?: unknown; signal?: AbortSignal },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${apiKey}`,
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'Could not reach the Carepath API. Check that it is running.');
  }

  const body = await readJson(response);
  if (!response.ok) {
    const { message, errors } = (body ?? {}) as { message?: unknown; errors?: unknown };
    throw new ApiError(
      response.status,
      typeof message === 'string' && message ? message : `The request failed (HTTP ${response.status}).`,
      Array.isArray(errors) ? (errors as FieldError[]) : [],
    );
  }
  if (body === undefined)
    throw new ApiError(response.status, 'The API sent a response the designer cannot read.');
  return body as T;
}

/** A client bound to one key; a 401 from any call reports that the key no longer works. */
export function createApiClient(apiKey: string, onUnauthorized: (message: string) => void): ApiClient {
  const reportingSignOut = async <T>(call: Promise<T>): Promise<T> => {
    try {
      return await call;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized(error.message);
      throw error;
    }
  };
  return {
    get: <T>(path: string, signal?: AbortSignal) => reportingSignOut(apiGet<T>(path, apiKey, signal)),
    post: <T>(path: string, body: unknown) => reportingSignOut(apiRequest<T>('POST', path, apiKey, { body })),
    async openCodecSession(): Promise<void> {
      await fetch('/api/codec/session', {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiKey}` },
      }).catch(() => undefined);
    },
  };
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** What the patients list is narrowed to; empty strings mean "any". */
export interface JourneyFilters {
  journey: string;
  stage: string;
  status: StatusFilter | '';
  overdue: boolean;
}

export const NO_FILTERS: JourneyFilters = { journey: '', stage: '', status: '', overdue: false };

export const JOURNEYS_PAGE_SIZE = 50;

export function journeysPath(filters: JourneyFilters, pageToken?: string): string {
  const query = new URLSearchParams({ pageSize: String(JOURNEYS_PAGE_SIZE) });
  if (filters.journey) query.set('journey', filters.journey);
  if (filters.journey && filters.stage) query.set('stage', filters.stage);
  if (filters.status) query.set('status', filters.status);
  if (filters.overdue) query.set('overdue', 'true');
  if (pageToken) query.set('pageToken', pageToken);
  return `/api/journeys?${query.toString()}`;
}

export function journeyTypeStatsPath(journeyType: string): string {
  return `/api/journey-types/${encodeURIComponent(journeyType)}/stats`;
}

export function journeyPath(id: string): string {
  return `/api/journeys/${encodeURIComponent(id)}`;
}

/** One delivery attempt of a journey step, as the outreach log keeps it. */
export interface OutreachMessage {
  id: string;
  step: string | null;
  channel: string;
  template: string;
  templateFile: string | null;
  language: string | null;
  urgent: boolean;
  status: string;
  subject: string | null;
  body: string;
  errorCode: string | null;
  errorReason: string | null;
  plannedAt: string;
  sentAt: string | null;
}

export function journeyMessagesPath(id: string): string {
  return `${journeyPath(id)}/messages`;
}

async function readJson(response: Response): Promise<unknown> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}
