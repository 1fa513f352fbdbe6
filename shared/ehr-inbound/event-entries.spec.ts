import type { Observation } from '@medplum/fhirtypes';
import { contentKey, inboundEntriesOf, storableResourceId } from './event-entries';
import { requireValidFhirResource } from './fhir-validation';
import { InboundRejection } from './inbound-rejection';
import { EHR_BASE, condition, engineBundle, notificationBundle, observation } from './inbound.test-support';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';

const subscription = `${EHR_BASE}/Subscription/carepath-events`;
const hba1c = observation('pat-1', '4548-4', 6.1, '%', '2025-05-30T08:00:00Z', 'obs-1');
const weight = observation('pat-1', '29463-7', 92.5, 'kg', '2025-05-31T07:00:00Z', 'obs-2');

/** What the webhook does with a body: validate it as FHIR, then list its entries. */
const entriesOf = (body: unknown) => inboundEntriesOf(requireValidFhirResource(body));

describe('inboundEntriesOf', () => {
  test('a full-resource notification gives one entry per event, keyed by subscription and event number', () => {
    const { notification, entries } = entriesOf(
      notificationBundle({
        events: [
          { number: 4, focus: hba1c },
          { number: 5, focus: weight },
        ],
      }),
    );
    expect(notification?.type).toBe('event-notification');
    expect(entries).toEqual([
      expect.objectContaining({
        index: 0,
        source: 'subscription',
        subscription,
        eventNumber: 4,
        dedupeKey: `event|${subscription}|4`,
        payload: 'full-resource',
        resource: hba1c,
      }),
      expect.objectContaining({
        index: 1,
        eventNumber: 5,
        dedupeKey: `event|${subscription}|5`,
        resource: weight,
      }),
    ]);
  });

  test('an id-only notification names what to read from the EHR', () => {
    const { entries } = entriesOf(
      notificationBundle({ payload: 'id-only', events: [{ number: 9, focus: hba1c }] }),
    );
    expect(entries).toEqual([
      expect.objectContaining({ payload: 'id-only', fetch: `${EHR_BASE}/Observation/obs-1`, eventNumber: 9 }),
    ]);
    expect(entries[0]!.resource).toBeUndefined();
  });

  test('an empty notification is an entry with nothing to apply, and says why', () => {
    const { entries } = entriesOf(
      notificationBundle({ payload: 'empty', events: [{ number: 2, focus: hba1c }] }),
    );
    expect(entries).toEqual([
      expect.objectContaining({
        payload: 'empty',
        eventNumber: 2,
        nothingToApply: expect.stringMatching(/^empty payload/),
      }),
    ]);
  });

  test.each(['handshake', 'heartbeat', 'query-status'] as const)('a %s has no entries', (type) => {
    const { notification, entries } = entriesOf(
      notificationBundle({ type, eventsSinceSubscriptionStart: 3 }),
    );
    expect(notification?.type).toBe(type);
    expect(entries).toEqual([]);
  });

  test('a transaction from an integration engine gives one entry per resource, keyed by version', () => {
    const bundle = engineBundle('transaction', [hba1c, weight]);
    bundle.entry!.push({ request: { method: 'DELETE', url: 'Observation/obs-3' } });
    const { notification, entries } = entriesOf(bundle);
    expect(notification).toBeUndefined();
    expect(entries.map((entry) => [entry.source, entry.dedupeKey])).toEqual([
      ['transaction', 'version|Observation/obs-1/_history/1'],
      ['transaction', 'version|Observation/obs-2/_history/1'],
      ['transaction', expect.stringMatching(/^request\|/)],
    ]);
    expect(entries[2]!.nothingToApply).toMatch(
      /^DELETE Observation\/obs-3: only created or updated resources/,
    );
  });

  test('a resource without a version is keyed by its content, whatever the key order', () => {
    const plain: Observation = { ...hba1c, meta: undefined };
    const reordered = Object.fromEntries(Object.entries(plain).reverse()) as Observation;
    const [entry] = entriesOf(plain).entries;
    expect(entry).toMatchObject({ source: 'resource', index: 0, resource: plain });
    expect(entry!.dedupeKey).toBe(contentKey(reordered));
    expect(contentKey({ ...plain, valueQuantity: { ...plain.valueQuantity, value: 6.2 } })).not.toBe(
      entry!.dedupeKey,
    );
  });

  test('a Patient is keyed by its content, so the patient id never becomes a dedupe key', () => {
    const patient = { resourceType: 'Patient' as const, id: 'pat-1001', meta: { versionId: '4' } };
    const [entry] = entriesOf(patient).entries;
    expect(entry!.dedupeKey).toMatch(/^content\|[0-9a-f]{64}$/);
    expect(storableResourceId(patient)).toBeUndefined();
    expect(storableResourceId(hba1c)).toBe('obs-1');
  });

  test('batch and collection bundles are accepted; other bundle types are refused by name', () => {
    expect(entriesOf(engineBundle('batch', [hba1c])).entries).toHaveLength(1);
    expect(entriesOf(engineBundle('collection', [hba1c, weight])).entries).toHaveLength(2);
    expect(() => entriesOf({ resourceType: 'Bundle', type: 'searchset' })).toThrow(
      /A Bundle of type "searchset" is not accepted/,
    );
  });
});

describe('requireValidFhirResource', () => {
  const problemsOf = (body: unknown) => {
    try {
      requireValidFhirResource(body);
    } catch (error) {
      if (error instanceof InboundRejection) return { message: error.message, problems: error.problems };
      throw error;
    }
    return undefined;
  };

  test('JSON that is not a resource is refused with the reason', () => {
    expect(problemsOf([1, 2])?.message).toBe('The body is not a FHIR resource: expected a JSON object.');
    expect(problemsOf({ status: 'final' })).toEqual({
      message: 'The body is not a FHIR resource: it has no "resourceType".',
      problems: [{ field: 'resourceType', message: 'is required' }],
    });
    expect(problemsOf({ resourceType: 'Observatoin' })?.problems[0]?.message).toMatch(/Unknown data type/);
  });

  test('an invalid resource is refused naming each element at fault', () => {
    const broken = {
      ...condition('pat-1', { system: CODE_SYSTEMS.icd10cm, code: 'R73.03' }),
      onsetDateTime: 'last May',
      colour: 'red',
    };
    expect(problemsOf(broken)).toEqual({
      message: 'The body is not a valid FHIR R4 resource.',
      problems: expect.arrayContaining([
        { field: 'Condition.onset[x]', message: 'Invalid dateTime format' },
        { field: 'Condition.colour', message: 'Invalid additional property "colour"' },
      ]),
    });
  });

  test('every fixture the inbound tests use is valid FHIR R4', () => {
    expect(problemsOf(notificationBundle({ events: [{ number: 1, focus: hba1c }] }))).toBeUndefined();
    expect(problemsOf(engineBundle('transaction', [hba1c]))).toBeUndefined();
  });
});
