import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { ApplicationFailure } from '@temporalio/common';
import type { EhrSettings } from './ehr-settings';
import type { FhirClient, FhirIdentifier } from './fhir-client';
import { createSmartTokenSource, type BearerTokenSource } from './smart-backend-auth';

/** The EHR refused the request as made (400, 401, 403, 409, 412, 422...): retrying the same request cannot help. */
export const FHIR_REQUEST_REJECTED = 'FhirRequestRejected';
/** The EHR could not answer now (network, timeout, 429, 5xx): Temporal retries with backoff. */
export const FHIR_SERVER_UNAVAILABLE = 'FhirServerUnavailable';

const FHIR_JSON = 'application/fhir+json';
const DEFAULT_MAX_RESULTS = 1000;
// FHIR ids: 1-64 of [A-Za-z0-9-.]. Checking them keeps a caller's value from reshaping the URL.
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const RELATIVE_REFERENCE =
  /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;

/** What a request is, said without its ids or parameters (which can name a patient): for error messages. */
interface RequestLabel {
  interaction: 'read' | 'search' | 'create';
  resourceType: string;
}

/**
 * The FhirClient over HTTP (FHIR R4 REST, `application/fhir+json`), for any EHR and for the
 * local sandbox. With SMART settings every request carries a bearer token; a token the server
 * refuses is renewed once. Failures say what was attempted, the status and the server's
 * diagnostics, never a resource body or a patient id.
 */
export function createHttpFhirClient(settings: EhrSettings): FhirClient {
  const baseUrl = settings.baseUrl.replace(/\/+$/, '');
  const tokens: BearerTokenSource | undefined =
    settings.smart && createSmartTokenSource(settings.smart, { timeoutMs: settings.requestTimeoutMs });

  async function send(
    label: RequestLabel,
    url: string,
    init: { method: string; body?: string; headers?: Record<string, string> },
  ): Promise<Response> {
    const attempt = async (): Promise<Response> => {
      const headers: Record<string, string> = { Accept: FHIR_JSON, ...init.headers };
      if (init.body !== undefined) headers['Content-Type'] = FHIR_JSON;
      if (tokens) headers.Authorization = `Bearer ${await tokens.bearerToken()}`;
      try {
        return await fetch(url, {
          method: init.method,
          headers,
          body: init.body,
          signal: AbortSignal.timeout(settings.requestTimeoutMs),
        });
      } catch (error) {
        // Checked by name: the DOMException of an aborted fetch may come from another realm.
        const reason = (error as { name?: unknown } | null)?.name === 'TimeoutError' ? 'timed out' : 'failed';
        throw ApplicationFailure.retryable(
          `FHIR ${label.interaction} of ${label.resourceType} ${reason}: ${errorText(error)}`,
          FHIR_SERVER_UNAVAILABLE,
        );
      }
    };
    let response = await attempt();
    if (response.status === 401 && tokens) {
      // The server may have revoked or expired the token before we thought it would.
      await response.body?.cancel();
      tokens.forget();
      response = await attempt();
    }
    return response;
  }

  async function readUrl<T extends Resource>(label: RequestLabel, url: string): Promise<T | undefined> {
    const response = await send(label, url, { method: 'GET' });
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      return undefined;
    }
    return (await expectOk(label, response)) as T;
  }

  const client: FhirClient = {
    async read<T extends Resource>(resourceType: T['resourceType'], id: string) {
      checkResourceType(resourceType);
      if (!FHIR_ID.test(id)) throw badInput(`not a FHIR id (expected 1-64 of A-Z a-z 0-9 - .)`);
      return readUrl<T>({ interaction: 'read', resourceType }, `${baseUrl}/${resourceType}/${id}`);
    },

    async readReference<T extends Resource>(reference: string) {
      // Absolute references are followed only under this server's base: the bearer token
      // must never be sent to another host a resource happens to name.
      const relative = reference.startsWith(`${baseUrl}/`) ? reference.slice(baseUrl.length + 1) : reference;
      const match = RELATIVE_REFERENCE.exec(relative);
      if (!match) throw badInput('not a reference of the form Type/id on this FHIR server');
      return readUrl<T>({ interaction: 'read', resourceType: match[1]! }, `${baseUrl}/${relative}`);
    },

    async search<T extends Resource>(
      resourceType: T['resourceType'],
      params: Record<string, string | string[]>,
      options?: { maxResults?: number },
    ) {
      checkResourceType(resourceType);
      const label: RequestLabel = { interaction: 'search', resourceType };
      const maxResults = options?.maxResults ?? DEFAULT_MAX_RESULTS;
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(params)) {
        for (const one of Array.isArray(value) ? value : [value]) query.append(name, one);
      }
      const results: T[] = [];
      const seenPages = new Set<string>();
      let next: string | undefined = `${baseUrl}/${resourceType}${query.size ? `?${query}` : ''}`;
      while (next && results.length < maxResults) {
        seenPages.add(next);
        const bundle = (await expectOk(label, await send(label, next, { method: 'GET' }))) as Bundle;
        for (const entry of bundle.entry ?? []) {
          // `include` and `outcome` entries are not matches of this search.
          if (entry.resource && (entry.search?.mode ?? 'match') === 'match')
            results.push(entry.resource as T);
        }
        const link = bundle.link?.find((candidate) => candidate.relation === 'next')?.url;
        next = link && !seenPages.has(link) ? sameServerUrl(baseUrl, link, label) : undefined;
      }
      return results.slice(0, maxResults);
    },

    async createIfNoneExist<T extends Resource>(resource: T, identifier: FhirIdentifier) {
      checkResourceType(resource.resourceType);
      const label: RequestLabel = { interaction: 'create', resourceType: resource.resourceType };
      const condition = new URLSearchParams({ identifier: `${identifier.system}|${identifier.value}` });
      const response = await send(label, `${baseUrl}/${resource.resourceType}`, {
        method: 'POST',
        body: JSON.stringify(resource),
        headers: { 'If-None-Exist': condition.toString(), Prefer: 'return=representation' },
      });
      if (response.status === 412) {
        await response.body?.cancel();
        throw ApplicationFailure.nonRetryable(
          `FHIR create of ${label.resourceType} refused: more than one resource has this identifier (412)`,
          FHIR_REQUEST_REJECTED,
        );
      }
      const location = response.headers.get('location');
      const stored = (await expectOk(label, response, { allowEmpty: true })) as T | undefined;
      if (stored?.resourceType === resource.resourceType) return stored;
      // Servers may answer `Prefer: return=minimal` style (no body): find what they stored.
      const found = location
        ? await client.readReference<T>(location.replace(/\/_history\/.*$/, ''))
        : (await client.search<T>(resource.resourceType, { identifier: condition.get('identifier')! }))[0];
      if (!found) {
        throw ApplicationFailure.retryable(
          `FHIR create of ${label.resourceType} answered ${response.status} but the resource cannot be found`,
          FHIR_SERVER_UNAVAILABLE,
        );
      }
      return found;
    },
  };
  return client;
}

/** The HTTP client for the configured EHR (AppConfig.ehr), or undefined without one. */
export function createFhirClient(settings: EhrSettings | undefined): FhirClient | undefined {
  return settings ? createHttpFhirClient(settings) : undefined;
}

async function expectOk(
  label: RequestLabel,
  response: Response,
  options: { allowEmpty?: boolean } = {},
): Promise<Resource | undefined> {
  const text = await response.text();
  if (!response.ok) throw failureFor(label, response, text);
  if (text.trim() === '') {
    if (options.allowEmpty) return undefined;
    throw ApplicationFailure.retryable(
      `FHIR ${label.interaction} of ${label.resourceType} answered ${response.status} without a body`,
      FHIR_SERVER_UNAVAILABLE,
    );
  }
  try {
    return JSON.parse(text) as Resource;
  } catch {
    throw ApplicationFailure.retryable(
      `FHIR ${label.interaction} of ${label.resourceType} answered ${response.status} with a body that is not JSON`,
      FHIR_SERVER_UNAVAILABLE,
    );
  }
}

/** 429 and 5xx are worth retrying; any other refusal will be repeated exactly, so it is final. */
function failureFor(label: RequestLabel, response: Response, body: string): ApplicationFailure {
  const message = `FHIR ${label.interaction} of ${label.resourceType} failed: ${response.status} ${response.statusText}${diagnosticsOf(body)}`;
  if (response.status === 429 || response.status >= 500) {
    return ApplicationFailure.retryable(message, FHIR_SERVER_UNAVAILABLE, { status: response.status });
  }
  return ApplicationFailure.nonRetryable(message, FHIR_REQUEST_REJECTED, { status: response.status });
}

/** The OperationOutcome's own words (diagnostics, details), never anything else of the body. */
function diagnosticsOf(body: string): string {
  let outcome: OperationOutcome;
  try {
    outcome = JSON.parse(body) as OperationOutcome;
  } catch {
    return '';
  }
  if (outcome?.resourceType !== 'OperationOutcome') return '';
  const texts = (outcome.issue ?? [])
    .map((issue) => issue.diagnostics ?? issue.details?.text ?? issue.code)
    .filter((text): text is string => Boolean(text));
  return texts.length ? ` (${texts.join('; ').slice(0, 500)})` : '';
}

function sameServerUrl(baseUrl: string, link: string, label: RequestLabel): string {
  const resolved = new URL(link, `${baseUrl}/`);
  if (resolved.origin !== new URL(baseUrl).origin) {
    throw ApplicationFailure.nonRetryable(
      `FHIR search of ${label.resourceType}: the server's next page link points at another host`,
      FHIR_REQUEST_REJECTED,
    );
  }
  return resolved.toString();
}

function checkResourceType(resourceType: string): void {
  if (!RESOURCE_TYPE.test(resourceType)) throw badInput('not a FHIR resource type');
}

function badInput(problem: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`FHIR request not sent: ${problem}`, FHIR_REQUEST_REJECTED);
}

function errorText(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  if (typeof message !== 'string') return String(error);
  return typeof cause?.message === 'string' ? `${message} (${cause.message})` : message;
}
