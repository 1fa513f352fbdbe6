import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import request from 'supertest';
import { CODE_SYSTEMS } from '../../contracts/ehr/code-systems';
import {
  EHR_BASE,
  appointment,
  channelConsent,
  condition,
  diloReferral,
  emergencyEncounter,
  engineBundle,
  notificationBundle,
  observation,
  pathologyReport,
  type NotificationEventSpec,
} from '../../shared/ehr-inbound/inbound.test-support';
import { signWebhookBody, WEBHOOK_SIGNATURE_HEADER } from '../../api/fhir/inbound/webhook-signature';
import { JOURNEY_EXTENSION_URL } from '../../shared/ehr/carepath-identifiers';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';
import { DAY_MS, HOUR_MS } from '../../contracts/durations';

const WEBHOOK_SECRET = 'test-webhook-secret-that-is-long-enough-1234';
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();
/** The timeline line of a journey that held its first step for one kept event, released by its starter (HZ-35). */
const HELD_FOR_ONE = 'Held its first step for 1 EHR event that came before the enrolment: 1 applied first';

interface TimelineEntry {
  kind: string;
  summary: string;
  ref?: string;
}

/**
 * EHR events over HTTP into the real API, worker, Temporal dev server, PostgreSQL and a FHIR
 * server (Medplum's FHIR router served on loopback) for id-only reads and patient checks.
 */
describe('POST /api/fhir: EHR events in, exactly once', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    // Its own pseudonym key: journey ids of the demo patients are then this stack's alone.
    stack = await startApiStack(
      { FHIR_WEBHOOK_SECRET: WEBHOOK_SECRET, PSEUDONYM_KEY: uniqueName('pseudonym-key') },
      undefined,
      { fhirSandbox: { seed: true } },
    );
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const post = (body: unknown, headers: Record<string, string> = { Authorization: DEMO_KEYS.integration }) =>
    api()
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', ...headers })
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const subscription = () => `${EHR_BASE}/Subscription/${uniqueName('sub')}`;
  const notify = (events: NotificationEventSpec[], extra: Parameters<typeof notificationBundle>[0] = {}) =>
    notificationBundle({ subscription: subscription(), events, ...extra });

  /** A patient the EHR knows: enrolment checks the subject exists there. */
  async function ehrPatient(): Promise<string> {
    const id = uniqueName('pat');
    await stack.fhirSandbox!.repo.createResource({
      resourceType: 'Patient',
      id,
      name: [{ given: ['Test'] }],
    });
    return id;
  }

  async function startJourney(
    journey: string,
    patientId: string,
    params: Record<string, unknown>,
  ): Promise<string> {
    const response = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.integration)
      .send({ journey, patientId, params })
      .expect(201);
    return response.body.id as string;
  }

  async function journey(id: string): Promise<{
    stage: string;
    timeline: TimelineEntry[];
    facts: Record<string, unknown>;
    closedAt?: string;
  }> {
    return (await api().get(`/api/journeys/${id}`).set('Authorization', DEMO_KEYS.operator).expect(200)).body;
  }

  /** Routing to "the patient's running journeys" searches Temporal's visibility, which lags a little. */
  async function listed(patientId: string, journeyType: string, count: number): Promise<void> {
    await eventually(
      () =>
        api()
          .get('/api/journeys')
          .query({ patientId, journey: journeyType, status: 'active' })
          .set('Authorization', DEMO_KEYS.operator)
          .expect(200),
      (response) => response.body.items.length === count,
    );
  }

  const events = (timeline: TimelineEntry[], summary: RegExp) =>
    timeline.filter((entry) => entry.kind === 'event' && summary.test(entry.summary));

  async function inboxRows(
    where = 'true',
    parameters: unknown[] = [],
  ): Promise<Array<Record<string, unknown>>> {
    return stack.database.dataSource.query(`SELECT * FROM ehr_event WHERE ${where}`, parameters);
  }

  test('a handshake and a heartbeat are acknowledged and change nothing', async () => {
    const sub = subscription();
    for (const type of ['handshake', 'heartbeat'] as const) {
      const response = await post(
        notificationBundle({ subscription: sub, type, eventsSinceSubscriptionStart: 0 }),
      ).expect(200);
      expect(response.body).toEqual({
        notification: expect.objectContaining({ type, subscription: sub, payload: 'empty' }),
        entries: [],
      });
    }
    expect(await inboxRows('subscription = $1', [sub])).toEqual([]);
  });

  test('the demo patient pat-2001: his EHR diagnosis enrols him, a new HbA1c is in his timeline as soon as the API answers', async () => {
    const sub = subscription();
    const base = stack.fhirSandbox!.baseUrl;
    const diagnosis = { resourceType: 'Condition', id: 'pat-2001-prediabetes' } as Resource;
    const enrolled = await post(
      notificationBundle({
        subscription: sub,
        base,
        payload: 'id-only',
        events: [{ number: 1, focus: diagnosis }],
      }),
    ).expect(200);
    expect(enrolled.body.entries).toEqual([
      expect.objectContaining({
        outcome: 'started',
        rule: 'prediabetes-diagnosis',
        resource: 'Condition/pat-2001-prediabetes',
      }),
    ]);
    const journeyId = enrolled.body.entries[0].journeys[0].id as string;

    const hba1c = observation('pat-2001', '4548-4', 5.9, '%', ago(HOUR_MS), uniqueName('obs'));
    const applied = await post(
      notificationBundle({ subscription: sub, base, events: [{ number: 2, focus: hba1c }] }),
    ).expect(200);
    // The API applies the event to the journey (a workflow update) before it answers: the very
    // next read shows it. How fast that is on a quiet machine is benchmark 2 (npm run bench).
    const { timeline } = await journey(journeyId);
    expect(events(timeline, /Reading logged: hba1c-percent/)).toHaveLength(1);
    expect(applied.body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: journeyId, event: 'reading' }],
    });
  });

  test('a full-resource HbA1c reaches the prediabetes journey; sent twice, it changes nothing', async () => {
    const patientId = await ehrPatient();
    const journeyId = await startJourney('prediabetes-care', patientId, {
      entry: { kind: 'hba1c', value: 6.0 },
    });
    const hba1c = observation(patientId, '4548-4', 6.3, '%', ago(2 * HOUR_MS), uniqueName('obs'));
    const bundle = notify([{ number: 1, focus: hba1c }]);

    const first = await post(bundle).expect(200);
    expect(first.body.entries).toEqual([
      {
        entry: 0,
        eventNumber: 1,
        resource: `Observation/${hba1c.id}`,
        outcome: 'applied',
        rule: 'hba1c-result',
        journeys: [{ id: journeyId, journey: 'prediabetes-care', result: 'applied', event: 'reading' }],
      },
    ]);
    const before = await journey(journeyId);
    expect(before.facts.readingsLogged).toBe(1);

    const again = await post(bundle).expect(200);
    expect(again.body.entries).toEqual([
      expect.objectContaining({
        entry: 0,
        eventNumber: 1,
        outcome: 'duplicate',
        reason: expect.stringMatching(/received before .* applied then/),
      }),
    ]);
    // The same resource version under another event number (a second topic, a replay): no second reading.
    const sub = (
      bundle.entry![0]!.resource as {
        parameter: Array<{ name: string; valueReference?: { reference: string } }>;
      }
    ).parameter.find((parameter) => parameter.name === 'subscription')!.valueReference!.reference;
    const renumbered = await post(
      notificationBundle({ subscription: sub, events: [{ number: 2, focus: hba1c }] }),
    ).expect(200);
    expect(renumbered.body.entries).toEqual([
      expect.objectContaining({
        eventNumber: 2,
        outcome: 'duplicate',
        reason: expect.stringMatching(/was received before as another event/),
      }),
    ]);
    const after = await journey(journeyId);
    expect(events(after.timeline, /Reading logged/)).toHaveLength(1);
    expect(after.facts.readingsLogged).toBe(before.facts.readingsLogged);
  });

  // The reading is sent straight to the journey id the patient would have: these are the answers
  // when nothing runs there, as they were when a describe came first.
  test('[HZ-35] a reading with no prediabetes journey running, none yet or one ended, moves nothing and is kept: the journey an operator starts next takes it', async () => {
    const patientId = await ehrPatient();
    const keptReason =
      /^no running prediabetes-care journey for this patient takes it; kept, and applied if such a journey starts within 14 days$/;
    const reading = () => observation(patientId, '4548-4', 6.3, '%', ago(HOUR_MS), uniqueName('obs'));

    // In the EHR too: the inbox keeps no resources, and reads a kept event again when a journey starts.
    const beforeAny = await stack.fhirSandbox!.repo.createResource<Observation>(reading());
    expect((await post(notify([{ number: 1, focus: beforeAny }])).expect(200)).body.entries[0]).toMatchObject(
      {
        outcome: 'ignored',
        rule: 'hba1c-result',
        reason: expect.stringMatching(keptReason),
      },
    );

    const journeyId = await startJourney('prediabetes-care', patientId, {
      entry: { kind: 'hba1c', value: 6.0 },
    });
    // The reading that came first reached the journey the operator started.
    const taken = await eventually(
      () => journey(journeyId),
      (read) => events(read.timeline, /Reading logged/).length === 1,
    );
    expect(events(taken.timeline, /Reading logged/)).toHaveLength(1);
    // Started holding its first step for it (asked beside the enrolment's checks), then released.
    expect(taken.timeline).toContainEqual(
      expect.objectContaining({ kind: 'control', summary: HELD_FOR_ONE }),
    );
    await api()
      .post(`/api/journeys/${journeyId}/cancel`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ reason: 'moved away' })
      .expect(200);
    const ended = await eventually(
      () => journey(journeyId),
      (read) => read.closedAt !== undefined,
    );
    const afterEnd = reading();
    const answer = (await post(notify([{ number: 1, focus: afterEnd }])).expect(200)).body.entries[0];
    expect(answer).toMatchObject({ outcome: 'ignored', reason: expect.stringMatching(keptReason) });
    expect(answer.journeys).toBeUndefined();
    expect((await journey(journeyId)).facts.readingsLogged).toBe(ended.facts.readingsLogged);

    const rows = await inboxRows('resource_id = ANY($1)', [[beforeAny.id, afterEnd.id]]);
    const statusOf = (id: string | undefined) => {
      const row = rows.find((candidate) => candidate.resource_id === id);
      return [row?.status, row?.journey_ids];
    };
    expect(statusOf(beforeAny.id)).toEqual(['applied', [journeyId]]);
    expect(statusOf(afterEnd.id)).toEqual(['waiting', []]);
  });

  test('[HZ-35] a journey a diagnosis starts holds its first step until the reading the EHR sent before it is applied', async () => {
    const patientId = await ehrPatient();
    const reading = await stack.fhirSandbox!.repo.createResource<Observation>(
      observation(patientId, '4548-4', 6.1, '%', ago(2 * HOUR_MS), uniqueName('obs')),
    );
    expect((await post(notify([{ number: 1, focus: reading }])).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringContaining('kept, and applied if such a journey starts within 14 days'),
    });

    const diagnosis = condition(
      patientId,
      { system: CODE_SYSTEMS.icd10cm, code: 'R73.03' },
      { id: uniqueName('cond'), onset: ago(HOUR_MS) },
    );
    const started = await post(notify([{ number: 2, focus: diagnosis }])).expect(200);
    expect(started.body.entries[0]).toMatchObject({ outcome: 'started', rule: 'prediabetes-diagnosis' });
    const journeyId = started.body.entries[0].journeys[0].id as string;
    // Answered once the reading was applied and the journey released: both are on its timeline,
    // the reading before anything the journey did for the patient or for staff.
    const { timeline } = await journey(journeyId);
    const logged = timeline.findIndex(
      (entry) => entry.kind === 'event' && /Reading logged/.test(entry.summary),
    );
    const released = timeline.findIndex((entry) => entry.summary === HELD_FOR_ONE);
    const firstStep = timeline.findIndex((entry) => entry.kind === 'message' || entry.kind === 'task');
    expect(logged).toBeGreaterThan(-1);
    expect(released).toBeGreaterThan(logged);
    if (firstStep > -1) expect(firstStep).toBeGreaterThan(released);
    const [row] = await inboxRows('resource_id = $1', [reading.id]);
    expect(row).toMatchObject({ status: 'applied', journey_ids: [journeyId] });
  });

  test('an id-only event is read from the EHR and applied', async () => {
    const patientId = await ehrPatient();
    const journeyId = await startJourney('prediabetes-care', patientId, {
      entry: { kind: 'hba1c', value: 6.0 },
    });
    const weight = await stack.fhirSandbox!.repo.createResource<Observation>(
      observation(patientId, '29463-7', 200, '[lb_av]', ago(HOUR_MS), uniqueName('obs')),
    );
    const bundle = notify([{ number: 1, focus: weight }], {
      payload: 'id-only',
      base: stack.fhirSandbox!.baseUrl,
    });
    expect(JSON.stringify(bundle)).not.toContain('"valueQuantity"');

    const response = await post(bundle).expect(200);
    expect(response.body.notification.payload).toBe('id-only');
    expect(response.body.entries).toEqual([
      expect.objectContaining({
        outcome: 'applied',
        rule: 'body-weight',
        resource: `Observation/${weight.id}`,
      }),
    ]);
    const { timeline, facts } = await journey(journeyId);
    expect(events(timeline, /Reading logged: weight-kg/)).toHaveLength(1);
    expect(facts.latestWeightKg).toBe(90.7);
  });

  test('an event the EHR cannot be read for now is kept, answered 503, and applied when sent again', async () => {
    const patientId = await ehrPatient();
    const journeyId = await startJourney('prediabetes-care', patientId, {
      entry: { kind: 'hba1c', value: 6.0 },
    });
    const glucose = await stack.fhirSandbox!.repo.createResource<Observation>(
      observation(patientId, '2339-0', 108, 'mg/dL', ago(HOUR_MS), uniqueName('obs')),
    );
    const bundle = notify([{ number: 1, focus: glucose }], {
      payload: 'id-only',
      base: stack.fhirSandbox!.baseUrl,
    });

    stack.fhirSandbox!.failNext(503);
    const unavailable = await post(bundle).expect(503);
    expect(unavailable.headers['retry-after']).toBe('30');
    expect(unavailable.body.entries).toEqual([
      expect.objectContaining({ outcome: 'failed', reason: expect.stringMatching(/could not be read/) }),
    ]);
    const subscriptionOf = unavailable.body.notification.subscription as string;
    expect(await inboxRows('subscription = $1', [subscriptionOf])).toEqual([
      expect.objectContaining({ status: 'failed' }),
    ]);
    expect(events((await journey(journeyId)).timeline, /Reading logged/)).toHaveLength(0);

    const redelivered = await post(bundle).expect(200);
    expect(redelivered.body.entries).toEqual([
      expect.objectContaining({ outcome: 'applied', rule: 'home-glucose-reading' }),
    ]);
    expect(events((await journey(journeyId)).timeline, /Reading logged: fasting-glucose-mg-dl/)).toHaveLength(
      1,
    );
    expect(await inboxRows('subscription = $1', [subscriptionOf])).toEqual([
      expect.objectContaining({ status: 'applied', attempts: 2 }),
    ]);
  });

  test('an event stored before a crash, never applied, is applied on its next delivery', async () => {
    const patientId = await ehrPatient();
    const journeyId = await startJourney('prediabetes-care', patientId, {
      entry: { kind: 'hba1c', value: 6.0 },
    });
    const weight = observation(patientId, '29463-7', 88, 'kg', ago(HOUR_MS), uniqueName('obs'));
    const bundle = notify([{ number: 1, focus: weight }]);
    const sub = (
      bundle.entry![0]!.resource as {
        parameter: Array<{ name: string; valueReference?: { reference: string } }>;
      }
    ).parameter.find((parameter) => parameter.name === 'subscription')!.valueReference!.reference;
    // What a crash right after storing leaves: the row, received and not applied.
    await stack.database.dataSource.query(
      `INSERT INTO ehr_event (dedupe_key, source, subscription, event_number, status) VALUES ($1, 'subscription', $2, 1, 'received')`,
      [`event|${sub}|1`, sub],
    );

    const response = await post(bundle).expect(200);
    expect(response.body.entries).toEqual([
      expect.objectContaining({ outcome: 'applied', rule: 'body-weight' }),
    ]);
    expect(events((await journey(journeyId)).timeline, /Reading logged: weight-kg/)).toHaveLength(1);
    expect((await post(bundle).expect(200)).body.entries[0].outcome).toBe('duplicate');
  });

  test('an empty event is stored and ignored, with the reason', async () => {
    const bundle = notify([{ number: 1, focus: observation('pat-x', '4548-4', 6.1, '%', ago(HOUR_MS)) }], {
      payload: 'empty',
    });
    const response = await post(bundle).expect(200);
    expect(response.body.entries).toEqual([
      {
        entry: 0,
        eventNumber: 1,
        outcome: 'ignored',
        reason: expect.stringMatching(
          /^empty payload: the notification says an event happened but not which resource/,
        ),
      },
    ]);
    const rows = await inboxRows('subscription = $1', [response.body.notification.subscription]);
    expect(rows).toEqual([
      expect.objectContaining({ status: 'ignored', payload_content: 'empty', event_number: '1' }),
    ]);
  });

  test('a gap in event numbers is recorded, and resolved when the missing events arrive', async () => {
    const sub = subscription();
    const heartRate = (n: number) =>
      observation('pat-gap', '8867-4', 60 + n, '/min', ago(HOUR_MS), `hr-${sub.length}-${n}`);
    const send = (numbers: number[]) =>
      post(
        notificationBundle({
          subscription: sub,
          events: numbers.map((number) => ({ number, focus: heartRate(number) })),
        }),
      ).expect(200);

    await send([1]);
    const skipped = await send([4]);
    expect(skipped.body.gaps).toEqual([{ from: 2, to: 3, detectedAt: expect.any(String) }]);
    const heartbeat = await post(
      notificationBundle({ subscription: sub, type: 'heartbeat', eventsSinceSubscriptionStart: 6 }),
    ).expect(200);
    expect(heartbeat.body.gaps.map(({ from, to }: { from: number; to: number }) => [from, to])).toEqual([
      [2, 3],
      [5, 6],
    ]);

    const filled = await send([3, 2, 5, 6]);
    expect(filled.body.gaps).toBeUndefined();
    const gapRows = await stack.database.dataSource.query(
      'SELECT from_number, to_number, resolved_at FROM ehr_event_gap WHERE subscription = $1 ORDER BY from_number',
      [sub],
    );
    expect(gapRows).toEqual([
      { from_number: '2', to_number: '3', resolved_at: expect.any(Date) },
      { from_number: '5', to_number: '6', resolved_at: expect.any(Date) },
    ]);
  });

  test('a prediabetes Condition enrols the patient; the next one finds the running journey', async () => {
    const patientId = await ehrPatient();
    const first = condition(
      patientId,
      { system: CODE_SYSTEMS.icd10cm, code: 'R73.03' },
      { id: uniqueName('cond'), onset: ago(3 * DAY_MS) },
    );
    const response = await post(first).expect(200);
    expect(response.body.entries).toEqual([
      expect.objectContaining({
        outcome: 'started',
        rule: 'prediabetes-diagnosis',
        journeys: [expect.objectContaining({ journey: 'prediabetes-care', result: 'started' })],
      }),
    ]);
    const journeyId = response.body.entries[0].journeys[0].id as string;
    expect(journeyId).not.toContain(patientId);
    expect((await journey(journeyId)).stage).toMatch(/core-sessions|enrolled/);

    const second = condition(
      patientId,
      { system: CODE_SYSTEMS.snomed, code: '714628002' },
      { id: uniqueName('cond') },
    );
    const again = await post(second).expect(200);
    expect(again.body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: 'the patient already has a running prediabetes-care journey',
      journeys: [{ id: journeyId, result: 'already-running' }],
    });
  });

  test('a bundle with a diagnosis and its lab result enrols the patient and logs the reading', async () => {
    const patientId = await ehrPatient();
    const hba1c = observation(patientId, '4548-4', 6.2, '%', ago(HOUR_MS), uniqueName('obs'));
    const diagnosis = condition(
      patientId,
      { system: CODE_SYSTEMS.icd10cm, code: 'R73.03' },
      { id: uniqueName('cond'), onset: ago(2 * DAY_MS) },
    );
    // The reading comes first in the bundle, the diagnosis first in clinical time.
    const response = await post(engineBundle('batch', [hba1c, diagnosis])).expect(200);
    expect(response.body.entries.map((entry: { outcome: string }) => entry.outcome)).toEqual([
      'applied',
      'started',
    ]);
    const journeyId = response.body.entries[1].journeys[0].id as string;
    expect(response.body.entries[0].journeys[0].id).toBe(journeyId);
    expect(events((await journey(journeyId)).timeline, /Reading logged: hba1c-percent/)).toHaveLength(1);
  });

  test('an enrolment for a patient the EHR does not know enrols nobody', async () => {
    const stranger = condition(
      uniqueName('nobody'),
      { system: CODE_SYSTEMS.icd10cm, code: 'R73.03' },
      { id: uniqueName('cond') },
    );
    const response = await post(stranger).expect(200);
    expect(response.body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringMatching(/^unknown patient/),
    });
  });

  test('a finished emergency encounter starts the follow-up for that visit', async () => {
    const patientId = await ehrPatient();
    const encounter = emergencyEncounter(patientId, uniqueName('enc'), ago(2 * HOUR_MS));
    const response = await post(notify([{ number: 1, focus: encounter }])).expect(200);
    expect(response.body.entries[0]).toMatchObject({ outcome: 'started', rule: 'emergency-discharge' });
    const followUp = await journey(response.body.entries[0].journeys[0].id);
    expect(followUp.stage).toBe('discharged');

    const inProgress = emergencyEncounter(patientId, uniqueName('enc'), ago(HOUR_MS), 'in-progress');
    expect((await post(inProgress).expect(200)).body.entries[0]).toMatchObject({ outcome: 'ignored' });
  });

  test('a DiLO referral starts the oncology track; reports on it advance the card in clinical order', async () => {
    const patientId = await ehrPatient();
    const cardId = `DILO-${Date.now()}`;
    const referral = diloReferral(patientId, cardId, ago(3 * DAY_MS));
    referral.id = uniqueName('sr');
    const started = await post(referral).expect(200);
    expect(started.body.entries[0]).toMatchObject({
      outcome: 'started',
      rule: 'dilo-card',
      journeys: [expect.objectContaining({ journey: 'oncology-fast-track', result: 'started' })],
    });
    const cardJourney = started.body.entries[0].journeys[0].id as string;
    expect((await journey(cardJourney)).stage).toBe('waiting-list');

    // Sent newest first: applied as sent, the staging report would be refused before the confirmation.
    const staging = {
      ...pathologyReport(patientId, { system: CODE_SYSTEMS.carepathOncology, code: 'x' }, ago(HOUR_MS), {
        id: uniqueName('dr'),
        basedOn: `ServiceRequest/${referral.id}`,
      }),
      code: { coding: [{ system: CODE_SYSTEMS.loinc, code: '21908-9' }] },
    };
    const confirmation = pathologyReport(
      patientId,
      { system: CODE_SYSTEMS.snomed, code: '363346000' },
      ago(DAY_MS),
      {
        id: uniqueName('dr'),
        basedOn: `ServiceRequest/${referral.id}`,
      },
    );
    const response = await post(engineBundle('transaction', [staging, confirmation])).expect(200);
    expect(
      response.body.entries.map((entry: { outcome: string; rule: string }) => [entry.outcome, entry.rule]),
    ).toEqual([
      ['applied', 'cancer-staging'],
      ['applied', 'malignancy-reported'],
    ]);
    const card = await journey(cardJourney);
    expect(card.stage).toBe('treatment-planning');
    expect(events(card.timeline, /./).map((entry) => entry.ref)).toEqual([
      'cancer-confirmed',
      'in-depth-diagnostics-done',
    ]);

    const withdrawn = { ...referral, status: 'revoked' as const, meta: { versionId: '2' } };
    expect((await post(withdrawn).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: cardJourney, result: 'applied', event: 'cancel' }],
    });
    expect((await journey(cardJourney)).stage).toBe('cancelled');
  });

  test('an inpatient admission ends the emergency follow-up as readmitted', async () => {
    const patientId = await ehrPatient();
    const discharge = emergencyEncounter(patientId, uniqueName('enc'), ago(DAY_MS));
    const followUp = (await post(discharge).expect(200)).body.entries[0].journeys[0].id as string;
    await listed(patientId, 'emergency-follow-up', 1);
    const admission = {
      ...emergencyEncounter(patientId, uniqueName('enc'), ago(HOUR_MS), 'in-progress'),
      class: { system: CODE_SYSTEMS.actCode, code: 'IMP' },
      period: { start: ago(HOUR_MS) },
    };
    expect((await post(admission).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'applied',
      rule: 'hospital-admission',
      journeys: [{ id: followUp, event: 'readmitted', result: 'applied' }],
    });
    expect((await journey(followUp)).stage).toBe('readmitted');
  });

  test('a booked appointment goes to the journey that asked for it; a new time is a reschedule', async () => {
    const patientId = await ehrPatient();
    const mammogram = await startJourney('preventive-outreach', patientId, { item: 'mammogram' });
    const fluShot = await startJourney('preventive-outreach', patientId, { item: 'flu-shot' });
    const mammography = { system: CODE_SYSTEMS.snomed, code: '71651007' };
    const appointmentId = uniqueName('appt');
    const booked = appointment(patientId, 'booked', ahead(10 * DAY_MS), {
      id: appointmentId,
      serviceType: mammography,
    });

    const response = await post(notify([{ number: 1, focus: booked }])).expect(200);
    expect(response.body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [
        { id: mammogram, journey: 'preventive-outreach', result: 'applied', event: 'appointment-booked' },
      ],
    });
    expect((await journey(mammogram)).stage).toBe('booked');
    expect((await journey(fluShot)).stage).toBe('outreach');

    const moved = appointment(patientId, 'booked', ahead(12 * DAY_MS), { id: appointmentId, version: '2' });
    const rescheduled = await post(moved).expect(200);
    expect(rescheduled.body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: mammogram, event: 'appointment-rescheduled', result: 'applied' }],
    });

    await listed(patientId, 'preventive-outreach', 2);
    // Nothing links it to either journey: no basedOn, no code. It once went to "the only running" one.
    const unlabelled = appointment(patientId, 'booked', ahead(5 * DAY_MS), { id: uniqueName('appt') });
    expect((await post(unlabelled).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringMatching(/^Appointment coded no coded concept is linked to no journey/),
    });
  });

  test('[HZ-20] a screening mammogram or a physiotherapy visit never books the emergency follow-up; a follow-up visit does', async () => {
    const patientId = await ehrPatient();
    const discharge = emergencyEncounter(patientId, uniqueName('enc'), ago(2 * HOUR_MS));
    const followUp = (await post(discharge).expect(200)).body.entries[0].journeys[0].id as string;
    await listed(patientId, 'emergency-follow-up', 1);

    const unrelated = (code: string) =>
      appointment(patientId, 'booked', ahead(3 * DAY_MS), {
        id: uniqueName('appt'),
        serviceType: { system: CODE_SYSTEMS.snomed, code },
      });
    // A mammogram is for a mammogram outreach (it waits for one); a physiotherapy visit is for no journey.
    expect((await post(unrelated('71651007')).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringMatching(/^no running preventive-outreach journey for this patient takes it/),
    });
    expect((await post(unrelated('91251008')).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringContaining(`${CODE_SYSTEMS.snomed}|91251008 is linked to no journey`),
    });
    expect((await journey(followUp)).stage).toBe('discharged');

    const visit = appointment(patientId, 'booked', ahead(4 * DAY_MS), {
      id: uniqueName('appt'),
      appointmentType: { system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'FOLLOWUP' },
    });
    expect((await post(visit).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: followUp, event: 'appointment-booked', result: 'applied' }],
    });
    expect((await journey(followUp)).stage).toBe('booked');
  });

  test('[HZ-30] an EHR cancellation reaches the reminder started for that appointment, and no other', async () => {
    const patientId = await ehrPatient();
    const appointmentId = uniqueName('appt');
    const reminder = await startJourney('appointment-reminder', patientId, {
      appointmentAt: ahead(5 * DAY_MS),
      appointmentId,
    });
    const other = await startJourney('appointment-reminder', patientId, {
      appointmentAt: ahead(6 * DAY_MS),
      appointmentId: uniqueName('appt'),
    });
    const cancelled = appointment(patientId, 'cancelled', ahead(5 * DAY_MS), { id: appointmentId });
    expect((await post(cancelled).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [
        { id: reminder, journey: 'appointment-reminder', event: 'appointment-cancelled', result: 'applied' },
      ],
    });
    expect((await journey(reminder)).stage).toBe('appointment-cancelled');
    expect((await journey(other)).stage).toBe('scheduled');
  });

  test('[HZ-20] an appointment answering the Task a journey wrote to the record reaches that journey; one for another patient does not', async () => {
    const patientId = await ehrPatient();
    const followUp = (await post(emergencyEncounter(patientId, uniqueName('enc'), ago(HOUR_MS))).expect(200))
      .body.entries[0].journeys[0].id as string;
    const task = (subject: string) =>
      stack.fhirSandbox!.repo.createResource({
        resourceType: 'Task',
        status: 'requested',
        intent: 'order',
        for: { reference: `Patient/${subject}` },
        extension: [
          {
            url: JOURNEY_EXTENSION_URL,
            valueIdentifier: { system: 'urn:carepath:journey', value: followUp },
          },
        ],
      });
    const otherPatient = await ehrPatient();
    const foreign = await task(otherPatient);
    const viaForeign = appointment(patientId, 'booked', ahead(2 * DAY_MS), {
      id: uniqueName('appt'),
      basedOn: `Task/${foreign.id}`,
    });
    expect((await post(viaForeign).expect(200)).body.entries[0]).toMatchObject({ outcome: 'ignored' });

    const own = await task(patientId);
    const visit = appointment(patientId, 'booked', ahead(3 * DAY_MS), {
      id: uniqueName('appt'),
      basedOn: `Task/${own.id}`,
    });
    expect((await post(visit).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: followUp, event: 'appointment-booked', result: 'applied' }],
    });
  });

  test('[HZ-23] [HZ-26] a discharge to hospice starts nothing; a second visit home restarts the one running follow-up', async () => {
    const patientId = await ehrPatient();
    const hospice = emergencyEncounter(patientId, uniqueName('enc'), ago(3 * HOUR_MS), 'finished', 'hosp');
    expect((await post(hospice).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringMatching(/^no follow-up: the patient was discharged to hospice/),
    });

    const first = emergencyEncounter(patientId, uniqueName('enc'), ago(2 * DAY_MS));
    const followUp = (await post(first).expect(200)).body.entries[0].journeys[0].id as string;
    const second = emergencyEncounter(patientId, uniqueName('enc'), ago(HOUR_MS));
    expect((await post(second).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'applied',
      journeys: [{ id: followUp, event: 'emergency-visit', result: 'applied' }],
    });
    await listed(patientId, 'emergency-follow-up', 1);
    const restarted = await journey(followUp);
    expect(events(restarted.timeline, /Another emergency visit ended/)).toHaveLength(1);
  });

  test('[HZ-29] a Patient recorded as deceased ends every running journey; nobody is enrolled after', async () => {
    const patientId = await ehrPatient();
    const mammogram = await startJourney('preventive-outreach', patientId, { item: 'mammogram' });
    const followUp = (await post(emergencyEncounter(patientId, uniqueName('enc'), ago(HOUR_MS))).expect(200))
      .body.entries[0].journeys[0].id as string;
    await listed(patientId, 'preventive-outreach', 1);
    await listed(patientId, 'emergency-follow-up', 1);

    const died = { resourceType: 'Patient' as const, id: patientId, deceasedDateTime: ago(HOUR_MS) };
    await stack.fhirSandbox!.repo.updateResource({ ...died, name: [{ given: ['Test'] }] });
    const response = await post(died).expect(200);
    expect(response.body.entries[0]).toMatchObject({ outcome: 'applied', rule: 'patient-deceased' });
    expect(
      (response.body.entries[0].journeys as Array<{ id: string; result: string }>)
        .map((j) => [j.id, j.result])
        .sort(),
    ).toEqual(
      [
        [followUp, 'applied'],
        [mammogram, 'applied'],
      ].sort(),
    );
    for (const id of [mammogram, followUp]) {
      // The stage reads "cancelled" as soon as the update is applied; the journey then closes
      // what it no longer needs before it completes: read it once it has.
      const ended = await eventually(
        () => journey(id),
        (read) => read.closedAt !== undefined,
      );
      expect(ended.closedAt).toBeDefined();
      expect(ended.stage).toBe('cancelled');
      // The end is the last thing the journey did, but for closing the calls it no longer needs
      // (nobody phones about a patient who died, HZ-95) and what was already under way as it ended
      // (a message or a call already handed over, HZ-93); nothing new starts after it.
      const end = ended.timeline.findIndex((entry) =>
        /^Ended by the EHR: The EHR records the patient as deceased/.test(entry.summary),
      );
      expect(end).toBeGreaterThanOrEqual(0);
      expect(
        ended.timeline
          .slice(end + 1)
          .filter((entry) => !/staff task\(s\) closed|as the journey ended$/.test(entry.summary)),
      ).toEqual([]);
      // And no call is left in the queue for the family to receive.
      const open = await api()
        .get('/api/staff-tasks')
        .query({ journeyId: id, status: 'open,claimed' })
        .set('Authorization', DEMO_KEYS.operator)
        .expect(200);
      expect(open.body.items.filter((task: { kind: string }) => task.kind === 'call')).toEqual([]);
    }
    const later = emergencyEncounter(patientId, uniqueName('enc'), ago(HOUR_MS / 2));
    expect((await post(later).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: 'the EHR records the patient as deceased: nobody is enrolled',
    });
    // Nor by an operator over the API.
    const byOperator = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ journey: 'preventive-outreach', patientId, params: { item: 'flu-shot' } })
      .expect(400);
    expect(byOperator.body.errors).toEqual([
      { field: 'patientId', message: 'the EHR records this patient as deceased' },
    ]);
  });

  test('a Consent change updates the channel consent; an older decision arriving late does not undo it', async () => {
    const patientId = await ehrPatient();
    const sms = { system: CODE_SYSTEMS.contactPointSystem, code: 'sms' };
    const optOut = channelConsent(patientId, sms, 'deny', {
      id: uniqueName('consent'),
      dateTime: ago(HOUR_MS),
    });
    expect((await post(optOut).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'applied',
      rule: 'channel-consent',
    });
    const contact = () =>
      api().get(`/api/patients/${patientId}/contact`).set('Authorization', DEMO_KEYS.operator).expect(200);
    expect((await contact()).body.consents).toEqual([
      expect.objectContaining({ channel: 'sms', status: 'revoked', source: 'ehr' }),
    ]);

    const olderOptIn = channelConsent(patientId, sms, 'permit', {
      id: uniqueName('consent'),
      dateTime: ago(DAY_MS),
    });
    expect((await post(olderOptIn).expect(200)).body.entries[0]).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringMatching(/^sms: a later EHR consent/),
    });
    expect((await contact()).body.consents).toEqual([
      expect.objectContaining({ channel: 'sms', status: 'revoked' }),
    ]);
  });

  test('a resource that matches no rule is stored and ignored', async () => {
    const heartRate = observation('pat-1001', '8867-4', 72, '/min', ago(HOUR_MS), uniqueName('obs'));
    const response = await post(heartRate).expect(200);
    expect(response.body).toEqual({
      entries: [
        {
          entry: 0,
          resource: `Observation/${heartRate.id}`,
          outcome: 'ignored',
          reason: 'no routing rule matches Observation coded http://loinc.org|8867-4',
        },
      ],
    });
  });

  test('the OpenAPI document describes the webhook, its content types and its outcomes', async () => {
    const { body } = await api().get('/api/openapi.json').expect(200);
    const operation = body.paths['/api/fhir'].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(['application/fhir+json', 'application/json']);
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '415', '503']),
    );
    expect(body.components.schemas.EntryOutcomeView.properties.outcome.enum).toEqual([
      'applied',
      'started',
      'ignored',
      'duplicate',
      'failed',
    ]);
  });

  describe('authenticity', () => {
    const body = () =>
      JSON.stringify(observation('pat-1001', '8867-4', 70, '/min', ago(HOUR_MS), uniqueName('auth')));

    test('a body signed with the shared secret is accepted without an API key', async () => {
      const signed = body();
      await post(signed, { [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(signed, WEBHOOK_SECRET) }).expect(200);
    });

    test.each([
      ['no credential', () => ({})],
      [
        'a wrong signature',
        () => ({ [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody('something else', WEBHOOK_SECRET) }),
      ],
      [
        'a signature with another secret',
        (signed: string) => ({ [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(signed, 'x'.repeat(40)) }),
      ],
      ['an unknown API key', () => ({ Authorization: 'Bearer not-a-key' })],
      ['an operator key', () => ({ Authorization: DEMO_KEYS.operator })],
    ])('%s is 401 and nothing is stored', async (_name, headersFor) => {
      const before = (await inboxRows()).length;
      const signed = body();
      const response = await post(signed, headersFor(signed)).expect(401);
      expect(response.body).toEqual({ message: expect.any(String), errors: [] });
      expect(await inboxRows()).toHaveLength(before);
    });
  });

  describe('bad input is a clear 4xx and stores nothing', () => {
    const history = (): Bundle =>
      notificationBundle({
        events: [{ number: 1, focus: observation('pat-1', '4548-4', 6.1, '%', ago(HOUR_MS)) }],
      });
    const withoutStatus = (): Bundle => ({ ...history(), entry: history().entry!.slice(1) });
    const invalidFhir: Resource = {
      ...observation('pat-1', '4548-4', 6.1, '%', 'last tuesday'),
      status: 'final',
    };

    test.each([
      ['not JSON', '{"resourceType": "Bundle",', 400, /^The request body is not valid JSON\.$/],
      ['not FHIR', { hello: 'world' }, 400, /has no "resourceType"/],
      ['invalid FHIR', invalidFhir, 400, /^The body is not a valid FHIR R4 resource\.$/],
      [
        'a notification without its status Parameters',
        withoutStatus(),
        400,
        /must start with its subscription status/,
      ],
      ['an empty body', '', 400, /body is empty/],
    ])('%s', async (_name, body, status, message) => {
      const before = (await inboxRows()).length;
      const response = await post(body).expect(status);
      expect(response.body.message).toMatch(message);
      expect(await inboxRows()).toHaveLength(before);
    });

    test('the element at fault is named', async () => {
      const response = await post(invalidFhir).expect(400);
      expect(response.body.errors).toEqual([
        { field: 'Observation.effective[x]', message: 'Invalid dateTime format' },
      ]);
    });

    test('another content type is 415', async () => {
      const response = await api()
        .post('/api/fhir')
        .set({ 'Content-Type': 'text/plain', Authorization: DEMO_KEYS.integration })
        .send('{"resourceType":"Observation"}')
        .expect(415);
      expect(response.body.message).toMatch(/send application\/fhir\+json or application\/json/);
    });

    test('plain application/json is accepted', async () => {
      await api()
        .post('/api/fhir')
        .set({ 'Content-Type': 'application/json; charset=utf-8', Authorization: DEMO_KEYS.integration })
        .send(JSON.stringify(observation('pat-1001', '8867-4', 71, '/min', ago(HOUR_MS), uniqueName('json'))))
        .expect(200);
    });
  });
});
