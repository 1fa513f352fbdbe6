export const ROLES = ['designer', 'operator', 'integration'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  role: Role;
  secret: string;
}

/**
 * Parses `API_KEYS`: comma-separated `role=secret` pairs; a role may appear more than once so
 * keys can be rotated without downtime.
 */
export function parseApiKeys(value: string, options: { minimumSecretLength: number }): ApiKey[] {
  const keys = value
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const separator = pair.indexOf('=');
      const role = pair.slice(0, separator);
      const secret = pair.slice(separator + 1);
      if (separator <= 0 || !isRole(role)) {
        throw new Error(
          `API_KEYS: "${role || pair.slice(0, 12)}" is not a role (expected ${ROLES.join(', ')}).`,
        );
      }
      if (secret.length < options.minimumSecretLength) {
        throw new Error(`API_KEYS: a ${role} key is shorter than ${options.minimumSecretLength} characters.`);
      }
      return { role, secret };
    });
  if (keys.length === 0) throw new Error('API_KEYS: no keys configured.');
  return keys;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
