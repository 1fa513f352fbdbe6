import { loadConfig } from './app-config';

const productionSecrets = {
  NODE_ENV: 'production',
  API_KEYS: `operator=${'o'.repeat(40)},integration=${'i'.repeat(40)}`,
  PSEUDONYM_KEY: 'k'.repeat(40),
  DATABASE_URL: 'postgres://app:secret@db:5432/carepath',
  PUBLIC_BASE_URL: 'https://care.example.org',
  PAYLOAD_ENCRYPTION_KEYS: `prod-1=${Buffer.alloc(32, 1).toString('base64')}`,
};

describe('loadConfig', () => {
  test('development runs on documented defaults', () => {
    const config = loadConfig({});
    expect(config.production).toBe(false);
    expect(config.temporal).toMatchObject({ address: 'localhost:7233', namespace: 'carepath', tls: false });
    expect(config.apiKeys.map((key) => key.role)).toEqual(['designer', 'operator', 'integration', 'auditor']);
  });

  test.each([
    'API_KEYS',
    'PSEUDONYM_KEY',
    'PAYLOAD_ENCRYPTION_KEYS',
    'DATABASE_URL',
    'PUBLIC_BASE_URL',
  ] as const)('production refuses to start without %s', (missing) => {
    const env: Record<string, string> = { ...productionSecrets };
    delete env[missing];
    expect(() => loadConfig(env)).toThrow(new RegExp(`needs ${missing}`));
  });

  test('production refuses short API keys and accepts configured secrets', () => {
    expect(() => loadConfig({ ...productionSecrets, API_KEYS: 'operator=short' })).toThrow(/shorter than 32/);
    expect(loadConfig(productionSecrets).apiKeys).toHaveLength(2);
    expect(loadConfig(productionSecrets).publicBaseUrl).toBe('https://care.example.org');
  });

  test('malformed settings are reported by name', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL/,
    );
    expect(() => loadConfig({ API_KEYS: 'superuser=abc' })).toThrow(/"superuser" is not a role/);
  });

  test('the FHIR webhook secret is optional, and long enough in production when set', () => {
    expect(loadConfig({}).fhirWebhookSecret).toBeUndefined();
    expect(loadConfig({ FHIR_WEBHOOK_SECRET: '' }).fhirWebhookSecret).toBeUndefined();
    expect(loadConfig({ FHIR_WEBHOOK_SECRET: 'dev-secret' }).fhirWebhookSecret).toBe('dev-secret');
    expect(loadConfig(productionSecrets).fhirWebhookSecret).toBeUndefined();
    const short = () => loadConfig({ ...productionSecrets, FHIR_WEBHOOK_SECRET: 'short-but-secret' });
    expect(short).toThrow('FHIR_WEBHOOK_SECRET must be at least 32 characters in production when set.');
    expect(short).not.toThrow(/short-but-secret/);
    expect(
      loadConfig({ ...productionSecrets, FHIR_WEBHOOK_SECRET: 's'.repeat(32) }).fhirWebhookSecret,
    ).toHaveLength(32);
  });

  test("the worker's workflow cache holds 500 journeys unless set, and a count when set", () => {
    expect(loadConfig({}).temporal.workerMaxCachedWorkflows).toBe(500);
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '' }).temporal.workerMaxCachedWorkflows).toBe(500);
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '0' }).temporal.workerMaxCachedWorkflows).toBe(0);
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '500' }).temporal.workerMaxCachedWorkflows).toBe(500);
    expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '-1' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: 'many' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
  });

  test('a Temporal Cloud API key turns TLS on', () => {
    expect(loadConfig({ TEMPORAL_API_KEY: 'cloud-key' }).temporal.tls).toBe(true);
  });
});
