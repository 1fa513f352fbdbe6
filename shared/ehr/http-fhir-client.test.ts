import type { Communication, Observation, Patient } from '@medplum/fhirtypes';
import { ApplicationFailure } from '@temporalio/common';
import { startFhirSandbox, type FhirSandbox } from '../../scripts/dev-stack/fhir-sandbox';
import type { FhirClient } from './fhir-client';
import { loadEhrSettings } from './ehr-settings';
import {
  createFhirClient,
  createHttpFhirClient,
  FHIR_REQUEST_REJECTED,
  FHIR_SERVER_UNAVAILABLE,
} from './http-fhir-client';

/*
 * The HTTP FhirClient against a real FHIR server implementation (Medplum's router over its
 * in-memory repository) served on loopback, seeded with the demo EHR.
 */
describe('createHttpFhirClient', () => {
  let sandbox: FhirSandbox;
  let fhir: FhirClient;

  beforeAll(async () => {
    sandbox = await startFhirSandbox({ seed: true });
    fhir = createHttpFhirClient({ baseUrl: sandbox.baseUrl, smart: undefined, requestTimeoutMs: 2_000 });
  });

  afterAll(() => sandbox?.stop());

  /** The failure a call ends in, so a test can look at its type, retryability and message. */
  async function failureOf(call: Promise<unknown>): Promise<ApplicationFailure> {
    const error = await call.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ApplicationFailure);
    return error as ApplicationFailure;
  }

  test('reads a patient by id, and a patient the EHR does not have is undefined rather than an error', async () => {
    const patient = await fhir.read<Patient>('Patient', 'pat-2001');
    expect(patient?.name?.[0]?.given).toEqual(['Robert']);
    expect(await fhir.read<Patient>('Patient', 'pat-9999')).toBeUndefined();
  });

  test('follows relative and absolute references on its own server only', async () => {
    const relative = await fhir.readReference<Observation>('Observation/pat-2001-hba1c');
    expect(relative?.valueQuantity).toMatchObject({ value: 6.1, unit: '%' });
    const absolute = await fhir.readReference<Patient>(`${sandbox.baseUrl}/Patient/pat-1002`);
    expect(absolute?.id).toBe('pat-1002');

    const elsewhere = await failureOf(fhir.readReference('https://attacker.example/fhir/Patient/pat-1002'));
    expect(elsewhere.nonRetryable).toBe(true);
    expect(elsewhere.type).toBe(FHIR_REQUEST_REJECTED);
  });

  test('a search follows the next links across pages, and stops at maxResults', async () => {
    const patientId = 'paging-patient';
    for (let reading = 0; reading < 45; reading++) {
      await sandbox.repo.createResource<Observation>({
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '2339-0' }] },
        subject: { reference: `Patient/${patientId}` },
        valueQuantity: { value: 100 + reading, unit: 'mg/dL' },
      });
    }
    // The sandbox answers 20 entries a page: 45 means three pages were read.
    const all = await fhir.search<Observation>('Observation', { subject: `Patient/${patientId}` });
    expect(all).toHaveLength(45);
    expect(new Set(all.map((observation) => observation.id)).size).toBe(45);

    const smallPages = await fhir.search<Observation>('Observation', {
      subject: `Patient/${patientId}`,
      _count: '7',
    });
    expect(smallPages).toHaveLength(45);

    const capped = await fhir.search<Observation>(
      'Observation',
      { subject: `Patient/${patientId}` },
      { maxResults: 25 },
    );
    expect(capped).toHaveLength(25);
  });

  test('a conditional create made twice stores one resource and returns it both times', async () => {
    const identifier = { system: 'urn:carepath:outreach-message', value: 'message-created-twice' };
    const communication: Communication = {
      resourceType: 'Communication',
      status: 'completed',
      identifier: [identifier],
      subject: { reference: 'Patient/pat-1001' },
      payload: [{ contentString: 'Your flu shot is due.' }],
    };

    const first = await fhir.createIfNoneExist(communication, identifier);
    const second = await fhir.createIfNoneExist(communication, identifier);

    expect(first.id).toBeDefined();
    expect(second.id).toBe(first.id);
    const stored = await fhir.search<Communication>('Communication', {
      identifier: `${identifier.system}|${identifier.value}`,
    });
    expect(stored.map((resource) => resource.id)).toEqual([first.id]);
  });

  test('a resource the server refuses is a non-retryable error with its diagnostics, not its content', async () => {
    const invalid = {
      resourceType: 'Patient',
      identifier: [{ system: 'urn:test', value: 'invalid-1' }],
      name: [{ given: ['Confidentia'] }],
      birthDate: 'last spring',
    } as Patient;

    const failure = await failureOf(
      fhir.createIfNoneExist(invalid, { system: 'urn:test', value: 'invalid-1' }),
    );

    expect(failure.nonRetryable).toBe(true);
    expect(failure.type).toBe(FHIR_REQUEST_REJECTED);
    expect(failure.message).toMatch(/create of Patient failed: 400/);
    expect(failure.message).toMatch(/Invalid date format/);
    expect(failure.message).not.toMatch(/Confidentia|last spring/);
    expect(await fhir.search('Patient', { identifier: 'urn:test|invalid-1' })).toEqual([]);
  });

  test.each([500, 503, 429])('a %i is a retryable failure that says what was attempted', async (status) => {
    sandbox.failNext(status);
    const failure = await failureOf(fhir.read('Patient', 'pat-1001'));
    expect(failure.nonRetryable).toBe(false);
    expect(failure.type).toBe(FHIR_SERVER_UNAVAILABLE);
    expect(failure.message).toContain(`read of Patient failed: ${status}`);
    expect(failure.message).not.toContain('pat-1001');
    // The next call is answered normally: nothing stuck.
    expect((await fhir.read<Patient>('Patient', 'pat-1001'))?.id).toBe('pat-1001');
  });

  test.each([400, 403, 409])('a %i is final: retrying the same request cannot help', async (status) => {
    sandbox.failNext(status);
    const failure = await failureOf(fhir.search('Condition', { patient: 'Patient/pat-2001' }));
    expect(failure.nonRetryable).toBe(true);
    expect(failure.type).toBe(FHIR_REQUEST_REJECTED);
    expect(failure.message).toContain(`search of Condition failed: ${status}`);
  });

  test('a server that does not answer in time is a retryable timeout', async () => {
    const impatient = createHttpFhirClient({
      baseUrl: sandbox.baseUrl,
      smart: undefined,
      requestTimeoutMs: 300,
    });
    sandbox.failNext('hang');
    const failure = await failureOf(impatient.read('Patient', 'pat-1001'));
    expect(failure.nonRetryable).toBe(false);
    expect(failure.message).toMatch(/read of Patient timed out/);
  });

  test('an id that is not a FHIR id is refused before any request is made', async () => {
    const failure = await failureOf(fhir.read('Patient', '../Observation/pat-2001-hba1c'));
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toMatch(/not a FHIR id/);
  });

  test('createFhirClient: no EHR settings means no EHR; with them, a working client', async () => {
    expect(createFhirClient(undefined)).toBeUndefined();
    const fromEnv = createFhirClient(loadEhrSettings({ FHIR_BASE_URL: `${sandbox.baseUrl}/` }));
    expect((await fromEnv!.read<Patient>('Patient', 'pat-1003'))?.name?.[0]?.family).toBe('Miller');
  });
});
