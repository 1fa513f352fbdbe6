import { createHash } from 'node:crypto';

export const ROLES = ['designer', 'operator', 'integration', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Purposes an integration key can be limited to, so a system that only pushes EHR events (or only
 * serves the patient portal's inbox) cannot start journeys or read contact details. An unscoped
 * integration key may do everything the integration role may.
 */
export const KEY_SCOPES = ['ehr-inbound', 'portal-inbox'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export interface ApiKey {
  role: Role;
  /** The one purpose this key may serve; absent: every route of its role. */
  scope?: KeyScope;
  /** Who holds the key, as the audit trail names them; never derived so that the secret shows. */
  name: string;
  secret: string;
}

/** A key holder's name: short and plain, since it is written to every audit row and log line. */
const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/**
 * Parses `API_KEYS`: comma-separated `role=secret` or `role:name=secret` pairs, where an
 * integration role may carry a scope (`integration/ehr-inbound:ehr-engine=secret`); a role may
 * appear more than once so keys can be rotated without downtime. A key without a name is named
 * `<role>-<first 8 hex digits of sha256(secret)>`: stable, distinct per key, and a fingerprint
 * that cannot be turned back into the secret (the secrets are long and random in production).
 */
export function parseApiKeys(value: string, options: { minimumSecretLength: number }): ApiKey[] {
  const keys = value
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0)
    .map((pair) => parseKey(pair, options.minimumSecretLength));
  if (keys.length === 0) throw new Error('API_KEYS: no keys configured.');
  return keys;
}

function parseKey(pair: string, minimumSecretLength: number): ApiKey {
  const separator = pair.indexOf('=');
  const holder = separator > 0 ? pair.slice(0, separator) : '';
  const secret = pair.slice(separator + 1);
  const colon = holder.indexOf(':');
  const roleAndScope = colon >= 0 ? holder.slice(0, colon) : holder;
  const name = colon >= 0 ? holder.slice(colon + 1) : undefined;
  const [role, scope] = roleAndScope.split('/') as [string, string | undefined];
  if (!isRole(role)) {
    // Quote only what precedes the secret: an error message must never carry a key.
    throw new Error(`API_KEYS: "${role || '(empty)'}" is not a role (expected ${ROLES.join(', ')}).`);
  }
  if (scope !== undefined && (role !== 'integration' || !(KEY_SCOPES as readonly string[]).includes(scope))) {
    throw new Error(
      `API_KEYS: "${roleAndScope}" is not a scoped key; only integration keys take a scope (${KEY_SCOPES.join(', ')}).`,
    );
  }
  if (name !== undefined && !KEY_NAME.test(name)) {
    throw new Error(
      `API_KEYS: a ${role} key name must be 1-64 letters, digits, ".", "_", "@" or "-" (starting with a letter or digit).`,
    );
  }
  if (secret.length < minimumSecretLength) {
    throw new Error(`API_KEYS: a ${role} key is shorter than ${minimumSecretLength} characters.`);
  }
  return {
    role,
    name: name ?? `${role}-${fingerprint(secret)}`,
    secret,
    ...(scope ? { scope: scope as KeyScope } : {}),
  };
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 8);
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
