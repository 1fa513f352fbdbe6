/**
 * The designer's client of the Carepath API. Every type here comes from the API's OpenAPI document
 * (`generated/openapi.d.ts`, from `npm run openapi:generate`); openapi-fetch sends the requests.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/openapi';

type Schemas = components['schemas'];

export type JourneyType = Schemas['JourneyTypeView'];
export type JourneyTypeStats = Schemas['JourneyTypeStatsView'];
export type JourneySummary = Schemas['JourneySummaryView'];
export type JourneyDetail = Schemas['JourneyDetailView'];
export type JourneyPage = Schemas['JourneyPage'];
export type Deadline = Schemas['DeadlineViewDto'];
export type StaffTask = Schemas['StaffTaskView'];
/** One delivery attempt of a journey step, as the outreach log keeps it. */
export type OutreachMessage = Schemas['OutreachMessageView'];
export type FieldError = Schemas['FieldErrorView'];
/** What `POST /api/journeys/{id}/events` takes: one of the journey type's events. */
export type JourneyEvent = ApiInit<'post', '/api/journeys/{id}/events'>['body'];

type Method = 'get' | 'post' | 'put' | 'delete';

/** The API's path templates (`/api/journeys/{id}`) that answer `method`. */
export type ApiPath<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];

type Operation<M extends Method, P extends ApiPath<M>> = paths[P][M];
type Params<O> = O extends { parameters: infer All }
  ? Pick<All, 'path' & keyof All> & Pick<All, 'query' & keyof All>
  : never;
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? { body: B }
  : unknown;
/** The empty object: `Nothing extends T` when every property of T is optional. */
type Nothing = Record<never, never>;
type Init<O> = (Nothing extends Params<O> ? { params?: Params<O> } : { params: Params<O> }) &
  Body<O> & { signal?: AbortSignal };
/** What a request needs besides its path: path and query parameters, a JSON body, an abort signal. */
export type ApiInit<M extends Method, P extends ApiPath<M>> = Init<Operation<M, P>>;
/** Optional when nothing in it is: `client.get('/api/session')`. */
export type OptionalIfEmpty<I> = Nothing extends I ? [I?] : [I];

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
type Success<O> = O extends { responses: infer R } ? Json<R[200 & keyof R] | R[201 & keyof R]> : never;
/** The JSON a successful request answers with. */
export type ApiAnswer<M extends Method, P extends ApiPath<M>> = Success<Operation<M, P>>;

export interface ApiClient {
  // `I` is inferred from the call (or is the whole init when none is passed), as in openapi-fetch.
  get<P extends ApiPath<'get'>, I extends ApiInit<'get', P>>(
    path: P,
    ...init: OptionalIfEmpty<I>
  ): Promise<ApiAnswer<'get', P>>;
  post<P extends ApiPath<'post'>, I extends ApiInit<'post', P>>(
    path: P,
    ...init: OptionalIfEmpty<I>
  ): Promise<ApiAnswer<'post', P>>;
  /**
   * Writes other than POST. Optional so the many read-only fakes in component specs need not grow
   * them; `createApiClient` always has them (see `WritingApiClient`).
   */
  put?<P extends ApiPath<'put'>, I extends ApiInit<'put', P>>(
    path: P,
    ...init: OptionalIfEmpty<I>
  ): Promise<ApiAnswer<'put', P>>;
  delete?<P extends ApiPath<'delete'>, I extends ApiInit<'delete', P>>(
    path: P,
    ...init: OptionalIfEmpty<I>
  ): Promise<ApiAnswer<'delete', P>>;
  /**
   * Lets the Temporal Web UI decode this operator's journeys: the API sets a codec session cookie
   * the UI sends along. Refused (and harmless) for other roles, who then see ciphertext there.
   */
  openCodecSession?(): Promise<void>;
}

/** A client that also saves and deletes: what `createApiClient` makes, and what editors need. */
export type WritingApiClient = ApiClient & Required<Pick<ApiClient, 'put' | 'delete'>>;

/** A failed request. `status` is 0 when the API could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: FieldError[];
  /** How long the API asked the caller to wait before trying again (429, 503: `Retry-After`). */
  readonly retryAfterSeconds?: number;

  constructor(status: number, message: string, errors: FieldError[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
    if (retryAfterSeconds !== undefined) this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** `status=open,claimed`: one comma-separated parameter, as the API reads its lists. */
export const QUERY_STYLE = { array: { style: 'form', explode: false } } as const;

/**
 * A client bound to one key; every failure becomes an ApiError (aborts are rethrown as they are),
 * and a 401 from any call reports that the key no longer works.
 */
export function createApiClient(
  apiKey: string,
  onUnauthorized: (message: string) => void = () => undefined,
  /** The API serves the designer, so by default requests go to the page's own origin. */
  baseUrl = '',
): WritingApiClient {
  const http = createClient<paths>({
    baseUrl,
    headers: { Accept: 'application/json', Authorization: `Bearer ${apiKey}` },
    cache: 'no-store',
    querySerializer: QUERY_STYLE,
  });
  http.use(readableAnswers);

  async function answer<T>(
    pending: Promise<{ data?: unknown; error?: unknown; response: Response }>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    let result: Awaited<typeof pending>;
    try {
      result = await pending;
    } catch (error) {
      if (error instanceof ApiError || signal?.aborted) throw error;
      throw new ApiError(0, 'Could not reach the Carepath API. Check that it is running.');
    }
    const { data, error, response } = result;
    if (response.ok) return data as T;
    const failure = apiErrorOf(response.status, error, retryAfterOf(response.headers.get('Retry-After')));
    if (failure.status === 401) onUnauthorized(failure.message);
    throw failure;
  }

  // openapi-fetch's own signatures are per path; ApiClient's generic ones are checked by callers.
  type Untyped = (
    path: never,
    init: never,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  return {
    get: (path, ...[init]) => answer((http.GET as Untyped)(path as never, init as never), init?.signal),
    post: (path, ...[init]) => answer((http.POST as Untyped)(path as never, init as never), init?.signal),
    put: (path, ...[init]) => answer((http.PUT as Untyped)(path as never, init as never), init?.signal),
    delete: (path, ...[init]) => answer((http.DELETE as Untyped)(path as never, init as never), init?.signal),
    async openCodecSession(): Promise<void> {
      await http.POST('/api/codec/session').catch(() => undefined);
    },
  };
}

/** A success the designer cannot read (an HTML page from a proxy, say) fails like any other answer. */
const readableAnswers: Middleware = {
  async onResponse({ response }) {
    if (!response.ok || response.status === 204) return undefined;
    const readable =
      (response.headers.get('content-type') ?? '').includes('json') &&
      (await response
        .clone()
        .json()
        .then(
          () => true,
          () => false,
        ));
    if (!readable) throw new ApiError(response.status, 'The API sent a response the designer cannot read.');
    return undefined;
  },
};

function apiErrorOf(status: number, body: unknown, retryAfterSeconds: number | undefined): ApiError {
  const { message, errors } = (typeof body === 'object' && body !== null ? body : {}) as Partial<
    Schemas['ApiErrorView']
  >;
  const said = typeof message === 'string' && message ? message : undefined;
  const fieldErrors = Array.isArray(errors) ? errors : [];
  if (status === 429) {
    // The wait is what the user needs: the API's own words (if any) come after it.
    const wait = retryAfterSeconds === undefined ? 'a moment' : waitText(retryAfterSeconds);
    const text = `Too many requests: the API asks to wait ${wait} before trying again.`;
    return new ApiError(status, said ? `${text} (${said})` : text, fieldErrors, retryAfterSeconds);
  }
  return new ApiError(status, said ?? `The request failed (HTTP ${status}).`, fieldErrors, retryAfterSeconds);
}

/** `Retry-After` as seconds from now: either a number of seconds or an HTTP date. */
export function retryAfterOf(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function waitText(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The `GET /api/journeys` query: filters, page size and page token. */
export type JourneysQuery = NonNullable<NonNullable<ApiInit<'get', '/api/journeys'>['params']>['query']>;
export type StatusFilter = NonNullable<JourneysQuery['status']>;
export const STATUS_FILTERS = [
  'active',
  'paused',
  'completed',
  'cancelled',
] as const satisfies StatusFilter[];

export type JourneySort = NonNullable<JourneysQuery['sort']>;

/** What the patients list is narrowed to and how it is ordered; empty strings mean "any". */
export interface JourneyFilters {
  journey: string;
  stage: string;
  status: StatusFilter | '';
  overdue: boolean;
  sort: JourneySort;
}

export const NO_FILTERS: JourneyFilters = {
  journey: '',
  stage: '',
  status: '',
  overdue: false,
  sort: 'started',
};

/** A search for one patient (and one of their cards or encounters): never kept in the address. */
export interface PatientSearch {
  patientId: string;
  instance: string;
}

export const NO_PATIENT_SEARCH: PatientSearch = { patientId: '', instance: '' };

export const JOURNEYS_PAGE_SIZE = 50;

/** The `GET /api/journeys` query for these filters, from `pageToken` on. */
export function journeysQuery(
  filters: JourneyFilters,
  search: PatientSearch,
  pageToken?: string,
): JourneysQuery {
  return {
    pageSize: JOURNEYS_PAGE_SIZE,
    ...(filters.sort !== 'started' ? { sort: filters.sort } : {}),
    ...(search.patientId ? { patientId: search.patientId } : {}),
    ...(search.patientId && search.instance ? { instance: search.instance } : {}),
    ...(filters.journey ? { journey: filters.journey } : {}),
    ...(filters.journey && filters.stage ? { stage: filters.stage } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(pageToken ? { pageToken } : {}),
  };
}
