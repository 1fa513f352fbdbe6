import { Client } from 'pg';

/**
 * Moves a role still on a legacy password to `password`; `url` names the role and the server
 * with the new password. True when it had to move it.
 */
export async function adoptPassword(options: {
  url: string;
  legacyPassword: string;
  password: string;
}): Promise<boolean> {
  if (await canConnect(options.url)) return false;
  const legacyUrl = new URL(options.url);
  legacyUrl.password = encodeURIComponent(options.legacyPassword);
  const legacy = new Client({ connectionString: legacyUrl.toString() });
  await legacy.connect();
  try {
    const role = legacy.escapeIdentifier(decodeURIComponent(legacyUrl.username));
    await legacy.query(`ALTER ROLE ${role} PASSWORD ${legacy.escapeLiteral(options.password)}`);
    return true;
  } finally {
    await legacy.end();
  }
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
