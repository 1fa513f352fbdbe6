import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig as loadConfigFrom } from './app-config';

/** Development settings of a fresh installation: its generated secrets go to a data folder of its own. */
const development = () => ({
  CAREPATH_MODE: 'development',
  CAREPATH_DATA_DIR: mkdtempSync(join(tmpdir(), 'carepath-config-')),
});
const loadConfig = (env: Record<string, string>) => loadConfigFrom({ ...development(), ...env });

const productionSecrets = {
  CAREPATH_MODE: 'production',
  API_KEYS: `operator=${'o'.repeat(40)},integration=${'i'.repeat(40)}`,
  PSEUDONYM_KEY: 'k'.repeat(40),
  DATABASE_URL: 'postgres://app:secret@db:5432/carepath',
  PUBLIC_BASE_URL: 'https://care.example.org',
  PAYLOAD_ENCRYPTION_KEYS: `prod-1=${Buffer.alloc(32, 1).toString('base64')}`,
};

describe('loadConfig', () => {
  test('development runs on documented defaults, on loopback only', () => {
    const config = loadConfig({});
    expect(config.production).toBe(false);
    expect(config.api.host).toBe('127.0.0.1');
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
    expect(() => loadConfig(env)).toThrow(new RegExp(`CAREPATH_MODE=production needs ${missing}`));
  });

  test('the mode must be said: unset or unknown refuses to start and says what to set', () => {
    const refusal =
      /CAREPATH_MODE=production for a deployment .* CAREPATH_MODE=development for a local stack/;
    expect(() => loadConfigFrom({})).toThrow(/CAREPATH_MODE is not set/);
    expect(() => loadConfigFrom({})).toThrow(refusal);
    expect(() => loadConfigFrom({ NODE_ENV: 'production' })).toThrow(/CAREPATH_MODE is not set/);
    for (const mode of ['prod', 'staging', 'Production', '']) {
      expect(() => loadConfigFrom({ CAREPATH_MODE: mode })).toThrow(
        /CAREPATH_MODE: must be development or production/,
      );
    }
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /NODE_ENV=production with CAREPATH_MODE=development/,
    );
  });

  test('production listens on every interface unless API_HOST says otherwise; development on loopback', () => {
    expect(loadConfig(productionSecrets).api.host).toBe('0.0.0.0');
    expect(loadConfig({ ...productionSecrets, API_HOST: '10.1.2.3' }).api.host).toBe('10.1.2.3');
    expect(loadConfig({ API_HOST: '0.0.0.0' }).api.host).toBe('0.0.0.0');
  });

  test('development secrets are generated per installation, not taken from the source', () => {
    const first = development();
    const second = development();
    const keyOf = (env: Record<string, string>) => loadConfigFrom(env).pseudonymKey;
    expect(keyOf(first)).toHaveLength(43);
    expect(keyOf(first)).toBe(keyOf(first));
    expect(keyOf(second)).not.toBe(keyOf(first));
    expect(keyOf({ ...first, PSEUDONYM_KEY: 'configured' })).toBe('configured');
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

  test('each module contributes its settings: channels, the engagement policy, the EHR, the cohort finder', () => {
    const defaults = loadConfig({});
    expect(defaults.channels.map(({ module }) => module.name)).toEqual(['portal', 'letter', 'call']);
    expect(defaults.ehr).toBeUndefined();
    expect(loadConfig({ FHIR_BASE_URL: ' ' }).ehr).toBeUndefined();
    expect(defaults.engagementPolicy.defaultTimeZone).toBe(defaults.organisationTimeZone);
    const configured = loadConfig({
      SMTP_URL: 'smtp://mail.example.org:587',
      EMAIL_FROM: 'Carepath <care@example.org>',
      FHIR_BASE_URL: 'http://127.0.0.1:8103/fhir/R4/',
      ENGAGEMENT_POLICY: '{"dailyMessageCap":2}',
    });
    expect(configured.channels.map(({ module }) => module.name)).toEqual([
      'email',
      'portal',
      'letter',
      'call',
    ]);
    expect(configured.channels[0]!.settings).toMatchObject({ from: 'Carepath <care@example.org>' });
    expect(configured.ehr?.baseUrl).toBe('http://127.0.0.1:8103/fhir/R4');
    expect(configured.engagementPolicy.dailyMessageCap).toBe(2);
  });

  test("a module's bad setting stops the process with that module's message, naming the variable", () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(
      'Invalid email settings:\n  SMTP_URL: must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.org:587\n  EMAIL_FROM: is required',
    );
    expect(() => loadConfig({ ENGAGEMENT_POLICY: '{' })).toThrow('ENGAGEMENT_POLICY: must be JSON');
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
