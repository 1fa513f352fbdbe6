import { readFileSync } from 'node:fs';

/**
 * Settings that hold secrets. Each may instead be given as `<NAME>_FILE`, a path to a file holding
 * it (Docker and Kubernetes secrets are mounted as files), so secrets need not sit in the
 * environment of every process listing.
 */
export const SECRET_SETTINGS = [
  'API_KEYS',
  'PSEUDONYM_KEY',
  'PAYLOAD_ENCRYPTION_KEYS',
  'DATABASE_URL',
  'TEMPORAL_API_KEY',
  'SMTP_URL',
  'TWILIO_AUTH_TOKEN',
  'FHIR_WEBHOOK_SECRET',
] as const;

/**
 * Fills each secret setting from its `_FILE` variant, in place, before any settings are parsed.
 * Errors name the variable and the path, never the content.
 */
export function loadSecretFiles(env: NodeJS.ProcessEnv): void {
  for (const name of SECRET_SETTINGS) {
    const path = env[`${name}_FILE`];
    if (!path) continue;
    if (env[name]) throw new Error(`${name} and ${name}_FILE are both set: keep one.`);
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new Error(`${name}_FILE: cannot read ${path} (${code}).`, { cause: error });
    }
    env[name] = content.trim();
  }
}
