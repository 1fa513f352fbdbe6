import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey, Role } from '../../config/api-keys';

/**
 * Matches a presented key against the configured ones in constant time: both sides are hashed
 * to equal length first, and every configured key is compared so timing reveals nothing.
 */
export class ApiKeyVerifier {
  private readonly digests: Array<{ role: Role; digest: Buffer }>;

  constructor(keys: readonly ApiKey[]) {
    this.digests = keys.map((key) => ({ role: key.role, digest: sha256(key.secret) }));
  }

  roleOf(presented: string): Role | undefined {
    const digest = sha256(presented);
    let match: Role | undefined;
    for (const candidate of this.digests) {
      if (timingSafeEqual(candidate.digest, digest)) match = candidate.role;
    }
    return match;
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
