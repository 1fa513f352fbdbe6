import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createApp } from '../../api/create-app';
import { observation } from '../../shared/ehr-inbound/inbound.test-support';
import { StaffTask } from '../../persistence/entities/staff-task.entity';
import { patientRefFor } from '../../shared/journeys/patient-ref';
import { ROUTE_PATTERN } from '../../shared/telemetry/carepath-metrics';
import { startWorkerMetricsServer, type WorkerMetricsServer } from '../../worker/metrics-server';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

/*
 * Issue 23, point 6: after journeys run, both processes' `/metrics` show what happened (enrolments
 * per journey type, events per outcome, messages per channel and outcome), no label value holds
 * anything about a patient, and a production API serves its metrics to nobody without the token.
 */
describe('metrics', () => {
  let stack: ApiStack;
  let workerServer: WorkerMetricsServer;
  const patientId = uniqueName('pat-metrics');
  const journeyIds: string[] = [];

  beforeAll(async () => {
    stack = await startApiStack();
    workerServer = await startWorkerMetricsServer({
      settings: { host: '127.0.0.1', port: 0 },
      metricsToken: undefined,
      production: false,
      metrics: stack.workerMetrics,
    });
  });
  afterAll(async () => {
    await workerServer?.close();
    await stack?.close();
  });

  const api = () => request(stack.http);
  const as = (role: keyof typeof DEMO_KEYS) => ({ Authorization: DEMO_KEYS[role] });
  const apiScrape = async () => (await api().get('/api/metrics').expect(200)).text;
  const workerScrape = async () => {
    const answer = await fetch(workerServer.url);
    expect(answer.status).toBe(200);
    return answer.text();
  };

  test('after a journey runs, enrolments, events and messages are counted by type, outcome and channel', async () => {
    const before = samples(await apiScrape());
    await api()
      .put(`/api/patients/${patientId}/contact`)
      .set(as('integration'))
      .send({ phone: '+48601000444', timeZone: 'Europe/Warsaw', channelOrder: ['sms'] })
      .expect(200);
    await api()
      .put(`/api/patients/${patientId}/consents/sms`)
      .set(as('integration'))
      .send({ status: 'granted' })
      .expect(200);
    const outreach = await api()
      .post('/api/journeys')
      .set(as('operator'))
      .send({ journey: 'preventive-outreach', patientId, params: { item: 'flu-shot' } })
      .expect(201);
    journeyIds.push(outreach.body.id);
    // The same enrolment again: counted as already running, not as a second journey.
    await api()
      .post('/api/journeys')
      .set(as('operator'))
      .send({ journey: 'preventive-outreach', patientId, params: { item: 'flu-shot' } })
      .expect(200);

    const reminder = await api()
      .post('/api/journeys')
      .set(as('operator'))
      .send({
        journey: 'appointment-reminder',
        patientId,
        params: { appointmentAt: inDays(10), timeZone: 'Europe/Warsaw' },
      })
      .expect(201);
    journeyIds.push(reminder.body.id);
    const events = `/api/journeys/${reminder.body.id}/events`;
    await api()
      .post(events)
      .set(as('integration'))
      .send({ type: 'appointment-rescheduled', appointmentAt: inDays(12) })
      .expect(200);
    await api().post(events).set(as('integration')).send({ type: 'appointment-exploded' }).expect(400);
    // An EHR observation no journey asked for: received over FHIR and ignored.
    await api()
      .post('/api/fhir')
      .set({ 'Content-Type': 'application/fhir+json', ...as('integration') })
      .send(
        JSON.stringify(
          observation(patientId, '8867-4', 71, '/min', new Date().toISOString(), uniqueName('obs')),
        ),
      )
      .expect(200);

    const after = samples(await apiScrape());
    const moved = (name: string, labels: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(
      moved('carepath_journeys_started_total', { journey_type: 'preventive-outreach', outcome: 'created' }),
    ).toBe(1);
    expect(
      moved('carepath_journeys_started_total', {
        journey_type: 'preventive-outreach',
        outcome: 'already-running',
      }),
    ).toBe(1);
    expect(
      moved('carepath_journeys_started_total', { journey_type: 'appointment-reminder', outcome: 'created' }),
    ).toBe(1);
    expect(moved('carepath_events_received_total', { source: 'api' })).toBe(2);
    expect(moved('carepath_events_handled_total', { source: 'api', outcome: 'applied' })).toBe(1);
    expect(moved('carepath_events_handled_total', { source: 'api', outcome: 'refused' })).toBe(1);
    expect(moved('carepath_event_to_effect_seconds_count', { source: 'api', outcome: 'applied' })).toBe(1);
    expect(moved('carepath_events_received_total', { source: 'fhir' })).toBe(1);
    const eventRequests = { method: 'POST', route: '/api/journeys/:id/events' };
    expect(moved('carepath_http_request_duration_seconds_count', { ...eventRequests, status: '200' })).toBe(
      1,
    );
    expect(moved('carepath_http_request_duration_seconds_count', { ...eventRequests, status: '400' })).toBe(
      1,
    );
    expect(moved('carepath_events_handled_total', { source: 'fhir', outcome: 'ignored' })).toBe(1);

    // The worker sent the outreach SMS at once (no quiet hours in the test policy).
    const worker = await eventually(
      async () => samples(await workerScrape()),
      (scraped) => valueOf(scraped, 'carepath_messages_total', { channel: 'sms', outcome: 'sent' }) >= 1,
    );
    expect(
      valueOf(worker, 'carepath_messages_total', { channel: 'sms', outcome: 'sent' }),
    ).toBeGreaterThanOrEqual(1);
  });

  test('the staff queue is read at each scrape: open and overdue tasks by kind and priority', async () => {
    const overdue = { kind: 'deadline-breach', priority: 'urgent' };
    const before = samples(await apiScrape());
    await stack.database.dataSource.getRepository(StaffTask).insert({
      idempotencyKey: uniqueName('task'),
      journeyId: journeyIds[0] ?? uniqueName('journey'),
      patientRef: patientRefFor(patientId, stack.config.pseudonymKey),
      patientId,
      kind: 'deadline-breach',
      priority: 'urgent',
      title: 'Deadline missed',
      details: {},
      dueAt: new Date(Date.now() - 60_000),
      status: 'open',
    });
    const after = samples(await apiScrape());
    expect(valueOf(after, 'carepath_staff_tasks_overdue', overdue)).toBe(
      valueOf(before, 'carepath_staff_tasks_overdue', overdue) + 1,
    );
    expect(valueOf(after, 'carepath_staff_tasks_open', overdue)).toBe(
      valueOf(before, 'carepath_staff_tasks_open', overdue) + 1,
    );
  });

  test('no label value of any metric, on either process, holds a patient id, a pseudonym or a journey id', async () => {
    expect(journeyIds).toHaveLength(2);
    const patientRef = patientRefFor(patientId, stack.config.pseudonymKey);
    const forbidden = [patientId, patientRef, ...journeyIds, '+48601000444'];
    const scraped = [...samples(await apiScrape()), ...samples(await workerScrape())];
    const values = scraped.flatMap((sample) => Object.values(sample.labels));
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      for (const secret of forbidden) expect(value).not.toContain(secret);
      // Pseudonyms are long hex or base64url hashes; ids carry digits. Labels are words.
      expect(value).not.toMatch(/^ref-|[0-9a-f]{16,}|[A-Za-z0-9_-]{32,}/);
    }
    const carepathValues = scraped
      .filter((sample) => sample.name.startsWith('carepath_'))
      .flatMap((sample) => Object.entries(sample.labels).filter(([name]) => name !== 'le'));
    const shapes: Record<string, RegExp> = { route: ROUTE_PATTERN, status: /^\d{3}$/, method: /^[A-Z]+$/ };
    for (const [name, value] of carepathValues) {
      expect(value).toMatch(value === 'other' ? /^other$/ : (shapes[name] ?? /^[a-z]+(-[a-z]+)*$/));
    }
  });

  test('the API serves metrics to loopback in development, and to nobody without the token in production', async () => {
    const production = await createApp({ ...stack.config, mode: 'production', production: true });
    const withToken = await createApp({
      ...stack.config,
      mode: 'production',
      production: true,
      telemetry: { ...stack.config.telemetry, metricsToken: 'm'.repeat(40) },
    });
    try {
      await Promise.all([production.init(), withToken.init()]);
      const closed = request(production.getHttpServer() as App);
      await closed.get('/api/metrics').expect(403);
      await closed.get('/api/metrics').set(as('operator')).expect(403);
      await closed.get('/api/health').expect((response) => expect([200, 503]).toContain(response.status));

      const guarded = request(withToken.getHttpServer() as App);
      await guarded.get('/api/metrics').expect(401);
      await guarded.get('/api/metrics').set('Authorization', 'Bearer wrong-token').expect(401);
      const scraped = await guarded
        .get('/api/metrics')
        .set('Authorization', `Bearer ${'m'.repeat(40)}`)
        .expect(200);
      expect(scraped.text).toContain('# TYPE carepath_journeys_started_total counter');
    } finally {
      await Promise.all([closeApp(production), closeApp(withToken)]);
    }
  });
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus' text format, sample lines only. */
function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((label) => [
          label[1]!,
          label[2]!,
        ]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

function valueOf(scraped: Sample[], name: string, labels: Record<string, string>): number {
  const found = scraped.find(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  return found?.value ?? 0;
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function closeApp(app: INestApplication): Promise<void> {
  await app.close();
}
