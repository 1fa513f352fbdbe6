import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { importPKCS8, SignJWT } from 'jose';
import type { SmartBackendSettings } from './ehr-settings';

/** Where the FHIR client gets the bearer token for each request. */
export interface BearerTokenSource {
  /** A token valid for at least a little while longer; fetched only when the cached one runs out. */
  bearerToken(): Promise<string>;
  /** Drops the cached token (the FHIR server refused it), so the next call fetches a new one. */
  forget(): void;
}

/** A token endpoint refused the client (wrong key, unknown client, scope not granted): retrying cannot help. */
export const SMART_AUTH_REJECTED = 'SmartAuthRejected';
/** The token endpoint could not answer now (network, timeout, 5xx): worth retrying. */
export const SMART_AUTH_UNAVAILABLE = 'SmartAuthUnavailable';

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
// The SMART spec caps the assertion's lifetime at five minutes; a little less leaves room for clock skew.
const ASSERTION_LIFETIME_SECONDS = 240;
// A token is renewed this long before it expires, so a request never leaves with one about to lapse.
const RENEW_BEFORE_EXPIRY_MS = 60_000;
// When the server does not say how long a token lives, assume the SMART-recommended five minutes.
const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;

interface TokenResponse {
  access_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/**
 * SMART Backend Services (the client-credentials flow with a signed JWT, as Epic, Oracle Health
 * and athena implement it): a client assertion signed with the registered private key is
 * exchanged for an access token, which is cached and shared by concurrent requests until
 * shortly before it expires.
 */
export function createSmartTokenSource(
  settings: SmartBackendSettings,
  options: { timeoutMs: number; now?: () => number },
): BearerTokenSource {
  const now = options.now ?? Date.now;
  const signingKey = importPKCS8(settings.privateKey.pkcs8Pem, settings.privateKey.algorithm);
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function clientAssertion(): Promise<string> {
    const issuedAt = Math.floor(now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: settings.privateKey.algorithm, kid: settings.keyId, typ: 'JWT' })
      .setIssuer(settings.clientId)
      .setSubject(settings.clientId)
      .setAudience(settings.tokenUrl)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ASSERTION_LIFETIME_SECONDS)
      .sign(await signingKey);
  }

  async function fetchToken(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: settings.scopes,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: await clientAssertion(),
    });
    const requestedAt = now();
    let response: Response;
    try {
      response = await fetch(settings.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw ApplicationFailure.retryable(
        `SMART token endpoint unreachable: ${error instanceof Error ? error.message : String(error)}`,
        SMART_AUTH_UNAVAILABLE,
      );
    }
    const body = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok) throw tokenRefusal(response.status, body);
    if (typeof body.access_token !== 'string' || !/^bearer$/i.test(String(body.token_type ?? 'bearer'))) {
      throw ApplicationFailure.nonRetryable(
        'SMART token endpoint answered without a bearer access_token',
        SMART_AUTH_REJECTED,
      );
    }
    const lifetimeMs =
      (typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in
        : DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000;
    // Short-lived tokens are renewed at half their life rather than never being reused.
    const renewAt = requestedAt + Math.max(lifetimeMs - RENEW_BEFORE_EXPIRY_MS, lifetimeMs / 2);
    cached = { token: body.access_token, renewAt };
    return body.access_token;
  }

  return {
    async bearerToken() {
      if (cached && now() < cached.renewAt) return cached.token;
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    forget() {
      cached = undefined;
    },
  };
}

/** OAuth errors (RFC 6749 section 5.2) carry a code and a description meant for the client developer. */
function tokenRefusal(status: number, body: TokenResponse): ApplicationFailure {
  const code = typeof body.error === 'string' ? ` ${body.error}` : '';
  const description =
    typeof body.error_description === 'string' ? `: ${body.error_description.slice(0, 300)}` : '';
  const message = `SMART token request refused (${status}${code}${description})`;
  if (status >= 500 || status === 429) return ApplicationFailure.retryable(message, SMART_AUTH_UNAVAILABLE);
  return ApplicationFailure.nonRetryable(message, SMART_AUTH_REJECTED);
}
