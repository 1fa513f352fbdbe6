import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Patient } from '@medplum/fhirtypes';
import { ApplicationFailure } from '@temporalio/common';
import type { JWK } from 'jose';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import { loadEhrSettings } from './ehr-settings';
import { createHttpFhirClient } from './http-fhir-client';
import { SMART_AUTH_REJECTED } from './smart-backend-auth';

/*
 * SMART Backend Services end to end: the client signs a JWT assertion with its private key,
 * the sandbox's token endpoint verifies it with the registered public JWK and issues a token,
 * and the sandbox's FHIR endpoint refuses requests without that token.
 */
const CLIENT_ID = 'carepath-backend';

function keyPair(kind: 'rsa' | 'ec'): { privatePem: string; publicJwk: JWK } {
  const { privateKey, publicKey } =
    kind === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-384' });
  return {
    privatePem: (privateKey as KeyObject).export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicJwk: { ...(publicKey as KeyObject).export({ format: 'jwk' }), kid: `${kind}-key` } as JWK,
  };
}

function clientFor(sandbox: FhirSandbox, privatePem: string, keyId: string) {
  return createHttpFhirClient(
    loadEhrSettings({
      FHIR_BASE_URL: sandbox.baseUrl,
      FHIR_TOKEN_URL: sandbox.tokenUrl,
      FHIR_CLIENT_ID: CLIENT_ID,
      FHIR_PRIVATE_KEY: privatePem,
      FHIR_KEY_ID: keyId,
    }),
  );
}

describe('SMART Backend Services', () => {
  const rsa = keyPair('rsa');
  let sandbox: FhirSandbox;

  beforeAll(async () => {
    sandbox = await startFhirSandbox({
      seed: true,
      smart: { clientId: CLIENT_ID, publicJwk: rsa.publicJwk },
    });
  });

  afterAll(() => sandbox?.stop());

  test('the FHIR server refuses a request without a bearer token', async () => {
    const response = await fetch(`${sandbox.baseUrl}/Patient/pat-1001`, {
      headers: { Accept: 'application/fhir+json' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  test('a signed assertion gets a token, which every FHIR call carries and later calls reuse', async () => {
    const fhir = clientFor(sandbox, rsa.privatePem, 'rsa-key');
    const issuedBefore = sandbox.tokensIssued();

    const [maria, lucia] = await Promise.all([
      fhir.read<Patient>('Patient', 'pat-1001'),
      fhir.read<Patient>('Patient', 'pat-1002'),
    ]);
    const conditions = await fhir.search('Condition', { patient: 'Patient/pat-2001' });

    expect(maria?.name?.[0]?.given).toEqual(['Maria']);
    expect(lucia?.name?.[0]?.given).toEqual(['Lucía']);
    expect(conditions).toHaveLength(1);
    expect(sandbox.tokensIssued() - issuedBefore).toBe(1);
  });

  test('a token the server revoked is replaced once, and the call still succeeds', async () => {
    const fhir = clientFor(sandbox, rsa.privatePem, 'rsa-key');
    await fhir.read('Patient', 'pat-1003');
    const issuedBefore = sandbox.tokensIssued();

    sandbox.revokeTokens();
    const john = await fhir.read<Patient>('Patient', 'pat-1003');

    expect(john?.id).toBe('pat-1003');
    expect(sandbox.tokensIssued() - issuedBefore).toBe(1);
  });

  test('an assertion signed with a key the EHR does not know is a clear, non-retryable refusal', async () => {
    const stranger = keyPair('rsa');
    const fhir = clientFor(sandbox, stranger.privatePem, 'rsa-key');

    const failure = await fhir.read('Patient', 'pat-1001').then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true, type: SMART_AUTH_REJECTED });
    expect((failure as Error).message).toMatch(
      /SMART token request refused \(401 invalid_client: .*signature/,
    );
  });

  test('an EC P-384 key signs ES384 assertions the token endpoint accepts', async () => {
    const ec = keyPair('ec');
    const ecSandbox = await startFhirSandbox({
      seed: true,
      smart: { clientId: CLIENT_ID, publicJwk: ec.publicJwk },
    });
    try {
      const fhir = clientFor(ecSandbox, ec.privatePem, 'ec-key');
      expect((await fhir.read<Patient>('Patient', 'pat-1004'))?.name?.[0]?.given).toEqual(['Ade']);
      expect(ecSandbox.tokensIssued()).toBe(1);
    } finally {
      await ecSandbox.stop();
    }
  });

  test('a token is renewed before it expires, not after a refusal', async () => {
    const shortLived = await startFhirSandbox({
      smart: { clientId: CLIENT_ID, publicJwk: rsa.publicJwk, tokenLifetimeSeconds: 1 },
    });
    try {
      const fhir = clientFor(shortLived, rsa.privatePem, 'rsa-key');
      await fhir.search('Patient', {});
      await new Promise((resolve) => setTimeout(resolve, 600));
      await fhir.search('Patient', {});
      // Renewed at half its one-second life: the second call fetched a fresh token up front.
      expect(shortLived.tokensIssued()).toBe(2);
    } finally {
      await shortLived.stop();
    }
  });
});
