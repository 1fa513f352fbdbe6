import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey } from '../../config/api-keys';

/** Who holds a presented key: its role, and the name the audit trail records. */
export type KeyHolder = Pick<ApiKey, 'role' | 'name' | 'scope'>;

/**
 * Matches a presented key against the configured ones in constant time: both sides are hashed
 * to equal length first, and every configured key is compared so timing reveals nothing.
 */
export class ApiKeyVerifier {
  private readonly digests: Array<{ holder: KeyHolder; digest: Buffer }>;

  constructor(keys: readonly ApiKey[]) {
    this.digests = keys.map((key) => ({
      holder: { role: key.role, name: key.name, ...(key.scope ? { scope: key.scope } : {}) },
      digest: sha256(key.secret),
    }));
  }

  holderOf(presented: string): KeyHolder | undefined {
    const digest = sha256(presented);
    let match: KeyHolder | undefined;
    for (const candidate of this.digests) {
      if (timingSafeEqual(candidate.digest, digest)) match = candidate.holder;
    }
    return match;
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
