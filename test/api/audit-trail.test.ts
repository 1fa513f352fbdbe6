import { createHash } from 'node:crypto';
import request from 'supertest';
import { OutreachMessage } from '../../persistence/entities/outreach-message.entity';
import { signUnsubscribeToken } from '../../shared/engagement/delivery-links';
import { WorkflowNotFoundError } from '@temporalio/client';
import { journeyWorkflowId, patientRefFor } from '../../shared/journeys/patient-ref';
import { observation } from '../../shared/ehr-inbound/inbound.test-support';
import { eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

const KEYS = {
  alice: 'alice-operator-key',
  designer: 'unnamed-designer-key',
  integration: 'engine-integration-key',
  auditor: 'audra-auditor-key',
};
/** An unnamed key is named by its role and a fingerprint of the secret, never the secret. */
const DESIGNER_NAME = `designer-${createHash('sha256').update(KEYS.designer).digest('hex').slice(0, 8)}`;

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

interface AuditEventBody {
  id: string;
  occurredAt: string;
  actor: { role: string; name: string };
  action: string;
  method: string;
  route: string;
  journeyId: string | null;
  patientId: string | null;
  patientRef: string | null;
  outcomeStatus: number | null;
}

describe('the audit trail of patient-level reads and changes', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack({
      API_KEYS: [
        `operator:alice=${KEYS.alice}`,
        `designer=${KEYS.designer}`,
        `integration:engine=${KEYS.integration}`,
        `auditor:audra=${KEYS.auditor}`,
      ].join(','),
    });
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const auditEvents = async (query: Record<string, string | number>) =>
    (await api().get('/api/audit-events').query(query).set(as(KEYS.auditor)).expect(200)).body as {
      items: AuditEventBody[];
      nextPageToken?: string;
    };
  /** Refusals by a guard are written once the answer is sent: wait for them. */
  const eventuallyAudited = async (query: Record<string, string>, count: number) => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const page = await auditEvents(query);
      if (page.items.length >= count || Date.now() > deadline) return page.items;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const startJourney = (patientId: string) =>
    api()
      .post('/api/journeys')
      .set(as(KEYS.alice))
      .send({
        journey: 'appointment-reminder',
        patientId,
        params: { appointmentAt: inDays(3), timeZone: 'Europe/Warsaw' },
      })
      .expect(201);

  /** A journey EHR readings reach (an HbA1c is one of its events). */
  const startPrediabetes = (patientId: string) =>
    api()
      .post('/api/journeys')
      .set(as(KEYS.alice))
      .send({
        journey: 'prediabetes-care',
        patientId,
        params: { entry: { kind: 'hba1c', value: 6.0 }, timeZone: 'UTC' },
      })
      .expect(201);

  const deliverFromEhr = (resource: object) =>
    api()
      .post('/api/fhir')
      .set({ ...as(KEYS.integration), 'Content-Type': 'application/fhir+json' })
      .send(JSON.stringify(resource));

  test('an operator starts, reads and cancels a journey and reads the messages; the auditor sees who, what, when, which journey', async () => {
    const patientId = uniqueName('pat');
    const before = new Date();
    const { body: started } = await startJourney(patientId);
    await api().get(`/api/journeys/${started.id}`).set(as(KEYS.alice)).expect(200);
    await api()
      .post(`/api/journeys/${started.id}/cancel`)
      .set(as(KEYS.alice))
      .send({ reason: 'Patient moved to another clinic' })
      .expect(200);
    await api().get(`/api/patients/${patientId}/messages`).set(as(KEYS.alice)).expect(200);

    const { items: journeyTrail } = await auditEvents({ journeyId: started.id });
    expect(journeyTrail).toEqual([
      expect.objectContaining({
        action: 'journey.cancel',
        method: 'POST',
        route: '/api/journeys/:id/cancel',
        outcomeStatus: 200,
      }),
      expect.objectContaining({
        action: 'journey.read',
        method: 'GET',
        route: '/api/journeys/:id',
        outcomeStatus: 200,
      }),
      expect.objectContaining({
        action: 'journey.start',
        method: 'POST',
        route: '/api/journeys',
        patientId,
        outcomeStatus: 201,
      }),
    ]);
    for (const event of journeyTrail) {
      expect(event.actor).toEqual({ role: 'operator', name: 'alice' });
      expect(event.journeyId).toBe(started.id);
      expect(new Date(event.occurredAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    }

    // By patient: the calls that named the patient, and those on the patient's journey (by reference).
    const { items: patientTrail } = await auditEvents({ patientId });
    expect(patientTrail.map((event) => [event.action, event.route])).toEqual([
      ['patient.messages.read', '/api/patients/:patientId/messages'],
      ['journey.cancel', '/api/journeys/:id/cancel'],
      ['journey.read', '/api/journeys/:id'],
      ['journey.start', '/api/journeys'],
    ]);

    // Who, what, when and which: never what was said or shown.
    const rows: unknown[] = await stack.database.dataSource.query(
      'SELECT * FROM audit_event WHERE journey_id = $1 OR patient_id = $2',
      [started.id, patientId],
    );
    expect(JSON.stringify(rows)).not.toMatch(/another clinic|Europe\/Warsaw|appointmentAt/);
  });

  test("reading a journey's messages is recorded with the journey and the patient's reference", async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await startJourney(patientId);
    const patientRef = patientRefFor(patientId, stack.config.pseudonymKey);
    // A message the journey sent, as the delivery activity logs it.
    await stack.database.dataSource.getRepository(OutreachMessage).insert({
      idempotencyKey: `${started.id}/reminder#sms`,
      stepKey: `${started.id}/reminder`,
      journeyId: started.id,
      patientRef,
      channel: 'sms',
      template: 'appointment-reminder.reminder',
      status: 'sent',
      body: 'Your appointment is on Friday.',
      plannedAt: new Date(),
      sentAt: new Date(),
      statusUpdatedAt: new Date(),
    });
    await api().get(`/api/journeys/${started.id}/messages`).set(as(KEYS.alice)).expect(200);
    await api().get(`/api/journeys/${started.id}`).set(as(KEYS.alice)).expect(200);

    const { items } = await auditEvents({ patientId });
    expect(items.map((event) => [event.action, event.journeyId])).toEqual([
      ['journey.read', started.id],
      ['journey.messages.read', started.id],
      ['journey.start', started.id],
    ]);
    expect(items.slice(0, 2).map((event) => event.patientRef)).toEqual([patientRef, patientRef]);
  });

  test('designers and operators cannot read the audit trail, and their attempts are recorded', async () => {
    for (const key of [KEYS.designer, KEYS.alice, KEYS.integration]) {
      await api().get('/api/audit-events').set(as(key)).expect(403);
    }
    await api().get('/api/audit-events').expect(401);
    const refused = await eventuallyAudited({ action: 'audit.read', actor: DESIGNER_NAME }, 1);
    expect(refused[0]).toMatchObject({
      actor: { role: 'designer', name: DESIGNER_NAME },
      route: '/api/audit-events',
      outcomeStatus: 403,
    });
  });

  test('refused requests to patient-level routes are recorded with their status', async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await startJourney(patientId);
    // A role the route does not admit (refused by the guard)...
    await api()
      .post(`/api/journeys/${started.id}/cancel`)
      .set(as(KEYS.designer))
      .send({ reason: 'x' })
      .expect(403);
    // ...an invalid request (refused by validation) and an unknown journey (refused by the service).
    await api().post(`/api/journeys/${started.id}/pause`).set(as(KEYS.alice)).send({}).expect(400);
    const unknown = `appointment-reminder-${'f'.repeat(32)}`;
    await api().get(`/api/journeys/${unknown}`).set(as(KEYS.alice)).expect(404);
    // An EHR event from a key that may not send them is refused by the webhook's own guard.
    await api()
      .post('/api/fhir')
      .set(as(KEYS.alice))
      .set('Content-Type', 'application/fhir+json')
      .send('{}')
      .expect(401);

    const refusals = await eventuallyAudited({ journeyId: started.id, action: 'journey.cancel' }, 1);
    expect(refusals[0]).toMatchObject({
      actor: { role: 'designer', name: DESIGNER_NAME },
      outcomeStatus: 403,
    });
    const [pause] = (await auditEvents({ journeyId: started.id, action: 'journey.pause' })).items;
    expect(pause).toMatchObject({ actor: { name: 'alice' }, outcomeStatus: 400 });
    const [missing] = (await auditEvents({ journeyId: unknown })).items;
    expect(missing).toMatchObject({ action: 'journey.read', outcomeStatus: 404 });
    const [ehr] = await eventuallyAudited({ action: 'ehr.event.receive', actor: 'alice' }, 1);
    expect(ehr).toMatchObject({
      actor: { role: 'operator' },
      method: 'POST',
      route: '/api/fhir',
      outcomeStatus: 401,
    });
  });

  test('an unsubscribe link is recorded as its signer, without its token; a forged one is not recorded', async () => {
    const token = signUnsubscribeToken(
      { patientRef: 'ref-audit-unsubscribe', channel: 'email' },
      stack.config.pseudonymKey,
    );
    await api().post('/api/engagement/unsubscribe').query({ token }).expect(200);
    await api().post('/api/engagement/unsubscribe').query({ token: 'forged' }).expect(400);

    const { items } = await auditEvents({ actor: 'unsubscribe-link' });
    expect(items).toEqual([
      expect.objectContaining({
        actor: { role: 'signed', name: 'unsubscribe-link' },
        action: 'patient.consent.unsubscribe',
        route: '/api/engagement/unsubscribe',
        outcomeStatus: 200,
      }),
    ]);
    expect(JSON.stringify(items)).not.toContain(token);
  });

  test('pages go from newest to oldest and filters narrow the trail', async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await startJourney(patientId);
    for (let read = 0; read < 3; read += 1) {
      await api().get(`/api/journeys/${started.id}`).set(as(KEYS.alice)).expect(200);
    }
    const first = await auditEvents({ journeyId: started.id, pageSize: 2 });
    expect(first.items.map((event) => event.action)).toEqual(['journey.read', 'journey.read']);
    const second = await auditEvents({ journeyId: started.id, pageSize: 2, pageToken: first.nextPageToken! });
    expect(second.items.map((event) => event.action)).toEqual(['journey.read', 'journey.start']);
    expect(second.nextPageToken).toBeUndefined();
    expect(Number(second.items[0]!.id)).toBeLessThan(Number(first.items[1]!.id));

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await auditEvents({ journeyId: started.id, since: future })).items).toEqual([]);
    expect((await auditEvents({ journeyId: started.id, until: future, actor: 'alice' })).items).toHaveLength(
      4,
    );
  });

  test.each([
    [{ journeyId: 'not a journey' }, 'journeyId'],
    [{ patientId: 'pat/1' }, 'patientId'],
    [{ since: 'yesterday' }, 'since'],
    [{ until: '2026-13-01T00:00:00Z' }, 'until'],
    [{ since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' }, 'since'],
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageToken: 'abc' }, 'pageToken'],
    [{ action: 'DROP TABLE' }, 'action'],
    [{ verbose: 'true' }, 'verbose'],
  ])('a malformed query %j is a 400 naming %s', async (query, field) => {
    const response = await api().get('/api/audit-events').query(query).set(as(KEYS.auditor)).expect(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  test('fails closed: without the audit table no patient data is read and no change is made', async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await startJourney(patientId);
    const dataSource = stack.database.dataSource;
    await dataSource.query('ALTER TABLE audit_event RENAME TO audit_event_offline');
    try {
      const read = await api().get(`/api/journeys/${started.id}`).set(as(KEYS.alice)).expect(500);
      expect(read.body).toEqual({
        message: expect.stringContaining('Internal error'),
        errors: [],
        correlationId: expect.any(String),
      });
      await api()
        .post(`/api/journeys/${started.id}/pause`)
        .set(as(KEYS.alice))
        .send({ reason: 'Patient in hospital' })
        .expect(500);
    } finally {
      await dataSource.query('ALTER TABLE audit_event_offline RENAME TO audit_event');
    }
    const { body: journey } = await api().get(`/api/journeys/${started.id}`).set(as(KEYS.alice)).expect(200);
    expect(journey.status).toBe('active');
  });

  // The start's row is written while the request is checked: the start waits for it, either way of answering.
  test('fails closed for enrolment: without the audit table nobody is enrolled, and the same enrolment works once it is back', async () => {
    const patientIds = [uniqueName('pat'), uniqueName('pat')];
    const enrol = (patientId: string, prefer?: string) =>
      api()
        .post('/api/journeys')
        .set({ ...as(KEYS.alice), ...(prefer ? { Prefer: prefer } : {}) })
        .send({
          journey: 'appointment-reminder',
          patientId,
          params: { appointmentAt: inDays(3), timeZone: 'UTC' },
        });
    const dataSource = stack.database.dataSource;
    await dataSource.query('ALTER TABLE audit_event RENAME TO audit_event_offline');
    try {
      await enrol(patientIds[0]!).expect(500);
      await enrol(patientIds[1]!, 'respond-async').expect(500);
    } finally {
      await dataSource.query('ALTER TABLE audit_event_offline RENAME TO audit_event');
    }
    const workflowIds = patientIds.map((patientId) =>
      journeyWorkflowId('appointment-reminder', patientId, undefined, stack.config.pseudonymKey),
    );
    for (const workflowId of workflowIds) {
      await expect(stack.temporal.workflow.getHandle(workflowId).describe()).rejects.toBeInstanceOf(
        WorkflowNotFoundError,
      );
    }
    // Created now, not found running: nothing was started before the trail could show it.
    await enrol(patientIds[0]!).expect(201);
    await enrol(patientIds[1]!, 'respond-async').expect(201);
    // Each patient's trail: the start alone, the attempt's row could not be written (an accepted start's outcome follows its answer).
    for (const [index, patientId] of patientIds.entries()) {
      const deadline = Date.now() + 5_000;
      let items: AuditEventBody[] = [];
      while (Date.now() < deadline) {
        ({ items } = await auditEvents({ patientId, action: 'journey.start' }));
        if (items.some((row) => row.outcomeStatus === 201)) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(items.map(({ journeyId, outcomeStatus }) => ({ journeyId, outcomeStatus }))).toEqual([
        { journeyId: workflowIds[index], outcomeStatus: 201 },
      ]);
    }
  });

  // The delivery's row is written while the inbox stores it: the event may be stored, never applied.
  test("an EHR delivery's receipt carries its audit row: one statement writes the event and the row, which then names the journey", async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await startPrediabetes(patientId);
    const reading = observation(patientId, '4548-4', 6.1, '%', new Date().toISOString(), uniqueName('obs'));
    // A spy that calls through: the statements the API really sent, counted.
    const statements = jest.spyOn(stack.apiDataSource, 'query');
    try {
      const { body } = await deliverFromEhr(reading).expect(200);
      expect(body.entries[0]).toMatchObject({ outcome: 'applied' });
      const writes = statements.mock.calls
        .map(([sql]) => String(sql))
        .filter((sql) => /INSERT INTO (audit_event|ehr_event)/.test(sql));
      expect(writes).toHaveLength(1);
      expect(writes[0]).toMatch(/INSERT INTO audit_event[\s\S]*INSERT INTO ehr_event/);
    } finally {
      statements.mockRestore();
    }
    const [received] = await eventuallyAudited({ action: 'ehr.event.receive', journeyId: started.id }, 1);
    expect(received).toMatchObject({
      actor: { role: 'integration', name: 'engine' },
      method: 'POST',
      route: '/api/fhir',
      outcomeStatus: 200,
    });
  });

  test("a key holder's EHR delivery refused for its body is recorded with its 400, though nothing was stored to carry the row", async () => {
    const before = (await auditEvents({ action: 'ehr.event.receive', actor: 'engine' })).items.length;
    await deliverFromEhr({ resourceType: 'Observation', status: 'not-a-status' }).expect(400);
    const rows = await eventuallyAudited({ action: 'ehr.event.receive', actor: 'engine' }, before + 1);
    expect(rows[0]).toMatchObject({ method: 'POST', route: '/api/fhir', outcomeStatus: 400 });
  });

  test('fails closed for EHR events: without the audit table an event is kept unapplied, and applied when sent again', async () => {
    const patientId = uniqueName('pat');
    const { body: started } = await startPrediabetes(patientId);
    const reading = observation(patientId, '4548-4', 6.3, '%', new Date().toISOString(), uniqueName('obs'));
    const send = () => deliverFromEhr(reading);
    const readings = async () =>
      (await api().get(`/api/journeys/${started.id}`).set(as(KEYS.alice)).expect(200)).body.facts
        .readingsLogged as number;
    // The program's figures appear once its enrolment check (an activity) is done; the first state
    // the POST waited for can come before that.
    const before = await eventually(readings, (count) => typeof count === 'number');
    expect(before).toBe(0);

    const dataSource = stack.database.dataSource;
    await dataSource.query('ALTER TABLE audit_event RENAME TO audit_event_offline');
    try {
      await send().expect(500);
    } finally {
      await dataSource.query('ALTER TABLE audit_event_offline RENAME TO audit_event');
    }
    expect(await readings()).toBe(before);
    const kept = (await dataSource.query('SELECT status FROM ehr_event WHERE resource_id = $1', [
      reading.id,
    ])) as Array<{ status: string }>;
    expect(kept.map((row) => row.status)).toEqual(['received']);

    expect((await send().expect(200)).body.entries[0]).toMatchObject({ outcome: 'applied' });
    expect(await readings()).toBe(before + 1);
    const [received] = await eventuallyAudited({ action: 'ehr.event.receive', actor: 'engine' }, 1);
    expect(received).toMatchObject({ journeyId: started.id, outcomeStatus: 200 });
  });
});
