import request from 'supertest';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';
import { DAY_MS } from '../../contracts/durations';

const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

interface FlagshipCase {
  journey: string;
  params: Record<string, unknown>;
  /** The same patient's second, distinct instance (another card, item, encounter); absent when one per patient. */
  otherInstance?: Record<string, unknown>;
  firstStage: string;
  event: Record<string, unknown>;
  stageAfterEvent: string;
}

/** Each flagship journey, started and steered through the API on the real dev server and worker. */
const cases: FlagshipCase[] = [
  {
    journey: 'oncology-fast-track',
    params: { cardId: 'DILO-2026-000123', clockStartAt: daysFromNow(-2), timeZone: 'Europe/Warsaw' },
    otherInstance: { cardId: 'DILO-2026-000456' },
    firstStage: 'waiting-list',
    event: { type: 'specialist-visit-done' },
    stageAfterEvent: 'initial-diagnostics',
  },
  {
    journey: 'preventive-outreach',
    params: { item: 'mammogram', lastDoneAt: '2023-06-01', timeZone: 'America/Chicago' },
    otherInstance: { item: 'flu-shot' },
    firstStage: 'outreach',
    event: { type: 'appointment-booked', appointmentAt: daysFromNow(10) },
    stageAfterEvent: 'booked',
  },
  {
    journey: 'emergency-follow-up',
    // One follow-up per patient at a time: another encounter finds the running one (HZ-26).
    params: { encounterId: 'enc-1', dischargedAt: daysFromNow(-0.1), timeZone: 'Europe/London' },
    firstStage: 'discharged',
    event: { type: 'appointment-booked', appointmentAt: daysFromNow(5) },
    stageAfterEvent: 'booked',
  },
];

describe('the flagship journeys over HTTP (real API, worker, Temporal dev server, PostgreSQL)', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const start = (journey: string, patientId: string, params: Record<string, unknown>) =>
    api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.integration)
      .send({ journey, patientId, params });

  test.each(cases.map((flagship) => [flagship.journey, flagship] as const))(
    '%s: starts, deduplicates, takes an event and is listed by stage',
    async (_name, flagship) => {
      const patientId = uniqueName('pat');
      const first = await start(flagship.journey, patientId, flagship.params).expect(201);
      expect(first.body).toMatchObject({
        journey: flagship.journey,
        status: 'active',
        stage: flagship.firstStage,
        settingsVersion: 0,
      });
      expect(first.body.id).not.toContain(patientId);

      const again = await start(flagship.journey, patientId, flagship.params).expect(200);
      expect(again.body).toMatchObject({ created: false, id: first.body.id });
      if (flagship.otherInstance) {
        const other = await start(flagship.journey, patientId, {
          ...flagship.params,
          ...flagship.otherInstance,
        }).expect(201);
        expect(other.body.id).not.toBe(first.body.id);
      }

      const moved = await api()
        .post(`/api/journeys/${first.body.id}/events`)
        .set('Authorization', DEMO_KEYS.integration)
        .send(flagship.event)
        .expect(200);
      expect(moved.body.stage).toBe(flagship.stageAfterEvent);
      await api()
        .post(`/api/journeys/${first.body.id}/events`)
        .set('Authorization', DEMO_KEYS.integration)
        .send({ type: 'no-such-event' })
        .expect(400);

      const listed = await eventually(
        () =>
          api()
            .get('/api/journeys')
            .query({ journey: flagship.journey, stage: flagship.stageAfterEvent, patientId })
            .set('Authorization', DEMO_KEYS.operator)
            .expect(200),
        (response) => response.body.items.length > 0,
      );
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([first.body.id]);
    },
  );

  test('journey types offer each flagship journey with its blueprint and settings schema', async () => {
    const { body } = await api()
      .get('/api/journey-types')
      .set('Authorization', DEMO_KEYS.designer)
      .expect(200);
    for (const flagship of cases) {
      const type = body.find((candidate: { id: string }) => candidate.id === flagship.journey);
      expect(type.blueprint.nodes.map((node: { id: string }) => node.id)).toContain(flagship.firstStage);
      expect(type.settingsSchema.type).toBe('object');
      expect(type.sources.length).toBeGreaterThan(0);
    }
  });
});
