import { chmodSync, mkdirSync } from 'node:fs';

/**
 * Everything the local stack writes (mail and SMS outboxes, the Temporal database, logs, secrets)
 * holds patient data or keys: the data folder is closed to other users, and this process and the
 * servers it starts create files 0600 and folders 0700 (the umask is inherited by children).
 */
export function keepDataPrivate(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o700);
}
