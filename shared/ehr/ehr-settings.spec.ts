import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../config/app-config';
import { DEFAULT_SMART_SCOPES, loadEhrSettings } from './ehr-settings';

const pem = (type: 'rsa' | 'ec', options: object) =>
  generateKeyPairSync(type as 'rsa', options as { modulusLength: number })
    .privateKey.export({ type: type === 'rsa' ? 'pkcs1' : 'sec1', format: 'pem' })
    .toString();
const rsaPem = pem('rsa', { modulusLength: 2048 });
const smart = {
  FHIR_BASE_URL: 'https://ehr.example.org/fhir/R4/',
  FHIR_TOKEN_URL: 'https://ehr.example.org/oauth2/token',
  FHIR_CLIENT_ID: 'carepath',
  FHIR_PRIVATE_KEY: rsaPem,
  FHIR_KEY_ID: 'carepath-2026',
};

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadEhrSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('loadEhrSettings', () => {
  test('a base URL alone is an EHR without credentials', () => {
    expect(loadEhrSettings({ FHIR_BASE_URL: 'http://127.0.0.1:8103/fhir/R4/' })).toEqual({
      baseUrl: 'http://127.0.0.1:8103/fhir/R4',
      smart: undefined,
      requestTimeoutMs: 15_000,
    });
  });

  test('FHIR_BASE_URL is required, and must be an http(s) URL', () => {
    expect(problemsOf({})).toContain('FHIR_BASE_URL: is required');
    expect(problemsOf({ FHIR_BASE_URL: 'ftp://ehr.example.org' })).toContain('FHIR_BASE_URL: must be');
  });

  test('SMART Backend Services: an RSA key of any PEM flavour signs RS384, with the default scopes', () => {
    const settings = loadEhrSettings(smart);
    expect(settings.smart).toMatchObject({
      tokenUrl: smart.FHIR_TOKEN_URL,
      clientId: 'carepath',
      keyId: 'carepath-2026',
      scopes: DEFAULT_SMART_SCOPES,
      privateKey: { algorithm: 'RS384' },
    });
    expect(settings.smart!.privateKey.pkcs8Pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  test('an EC P-384 key from a file signs ES384; a one-line PEM with \\n escapes is read too', () => {
    const directory = mkdtempSync(join(tmpdir(), 'carepath-ehr-'));
    const keyFile = join(directory, 'key.pem');
    writeFileSync(keyFile, pem('ec', { namedCurve: 'P-384' }));
    const fromFile = loadEhrSettings({ ...smart, FHIR_PRIVATE_KEY: '', FHIR_PRIVATE_KEY_FILE: keyFile });
    expect(fromFile.smart?.privateKey.algorithm).toBe('ES384');

    const oneLine = loadEhrSettings({ ...smart, FHIR_PRIVATE_KEY: rsaPem.replace(/\n/g, '\\n') });
    expect(oneLine.smart?.privateKey.algorithm).toBe('RS384');
  });

  test('half a SMART configuration is refused, naming every missing variable', () => {
    const problems = problemsOf({ FHIR_BASE_URL: smart.FHIR_BASE_URL, FHIR_CLIENT_ID: 'carepath' });
    expect(problems).toContain('FHIR_TOKEN_URL: is required');
    expect(problems).toContain('FHIR_KEY_ID: is required');
    expect(problems).toContain('FHIR_PRIVATE_KEY: set it (or FHIR_PRIVATE_KEY_FILE)');
    expect(problems).not.toContain('FHIR_CLIENT_ID:');
  });

  test('a key that is not a usable private key is named, and never echoed', () => {
    const secretLooking = 'not-a-key-but-a-secret-4f9a';
    const problems = problemsOf({ ...smart, FHIR_PRIVATE_KEY: secretLooking });
    expect(problems).toContain('FHIR_PRIVATE_KEY: must be a PEM private key');
    expect(problems).not.toContain(secretLooking);

    const p256 = problemsOf({ ...smart, FHIR_PRIVATE_KEY: pem('ec', { namedCurve: 'P-256' }) });
    expect(p256).toContain('FHIR_PRIVATE_KEY: must be an RSA key of 2048 bits or more, or an EC P-384 key');
  });

  test('both key variables, or a key file that cannot be read, are refused without echoing the path', () => {
    expect(problemsOf({ ...smart, FHIR_PRIVATE_KEY_FILE: '/keys/carepath.pem' })).toContain('not both');
    const missing = problemsOf({
      ...smart,
      FHIR_PRIVATE_KEY: undefined,
      FHIR_PRIVATE_KEY_FILE: '/nowhere/k.pem',
    });
    expect(missing).toContain('FHIR_PRIVATE_KEY_FILE: cannot be read');
    expect(missing).not.toContain('/nowhere/k.pem');
  });
});
