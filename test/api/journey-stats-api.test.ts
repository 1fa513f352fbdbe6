import request from 'supertest';
import { createStaffTaskActivity } from '../../activities/staff-tasks/create-staff-task';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { createTestNamespace } from '../helpers/test-namespace';
import { uniqueName } from '../helpers/test-stack';

interface StageCount {
  stage: string;
  now: number;
  droppedOff: number;
  breached: number;
}

/*
 * What the catalogue and the map overlay read: counts per journey type and per stage, in a
 * namespace of this file's own so no other test's journeys are counted.
 */
describe('journey counts per type and stage, and the overdue filter', () => {
  let stack: ApiStack;
  const api = () => request(stack.http);
  const ids: { waiting: string; breached: string; cancelled: string } = {
    waiting: '',
    breached: '',
    cancelled: '',
  };

  beforeAll(async () => {
    stack = await startApiStack({ TEMPORAL_NAMESPACE: await createTestNamespace('stats') });
    const start = async () =>
      (
        await api()
          .post('/api/journeys')
          .set('Authorization', DEMO_KEYS.operator)
          .send({
            journey: 'preventive-outreach',
            patientId: uniqueName('pat'),
            params: { item: 'flu-shot' },
          })
          .expect(201)
      ).body.id as string;
    ids.waiting = await start();
    ids.breached = await start();
    ids.cancelled = await start();
    await api()
      .post(`/api/journeys/${ids.cancelled}/cancel`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ reason: 'Moved away' })
      .expect(200);
    // The journey asked for staff work that is now past due and missed a deadline.
    await createStaffTaskActivity(stack.database.dataSource)({
      idempotencyKey: `${ids.breached}/deadline-breach:screening`,
      journeyId: ids.breached,
      patientRef: 'ref-stats',
      kind: 'deadline-breach',
      priority: 'urgent',
      title: 'Deadline missed: screening',
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    });
  }, 60_000);
  afterAll(() => stack?.close());

  const stats = () =>
    api().get('/api/journey-types/preventive-outreach/stats').set('Authorization', DEMO_KEYS.designer);

  test('the catalogue counts running, dropped-off and breached journeys, and where they are', async () => {
    const { body } = await eventually(
      () => stats().expect(200),
      (response) => response.body.running === 2 && response.body.cancelled === 1,
    );
    expect(body).toMatchObject({
      journey: 'preventive-outreach',
      running: 2,
      paused: 0,
      completed: 1,
      cancelled: 1,
      droppedOff: 1,
      breached: 1,
    });
    const byStage = new Map((body.stages as StageCount[]).map((count) => [count.stage, count]));
    expect(byStage.get('outreach')).toEqual({ stage: 'outreach', now: 2, droppedOff: 0, breached: 1 });
    expect(byStage.get('cancelled')).toEqual({ stage: 'cancelled', now: 0, droppedOff: 1, breached: 0 });
    expect(byStage.get('completed')).toEqual({ stage: 'completed', now: 0, droppedOff: 0, breached: 0 });
    // Every stage and end of the map has a count, and nothing else does.
    expect([...byStage.keys()]).toContain('booked');
    expect([...byStage.keys()]).not.toContain('escalation');
  });

  test('other journey types count nothing, an unknown type is 404, and integrations cannot read counts', async () => {
    const oncology = await api()
      .get('/api/journey-types/oncology-fast-track/stats')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(oncology.body).toMatchObject({ running: 0, completed: 0, breached: 0 });
    const unknown = await api()
      .get('/api/journey-types/no-such-journey/stats')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(404);
    expect(unknown.body.message).toContain('no-such-journey');
    await api()
      .get('/api/journey-types/preventive-outreach/stats')
      .set('Authorization', DEMO_KEYS.integration)
      .expect(403);
  });

  test('the journeys list filters by overdue staff work, either way', async () => {
    const listIds = async (overdue: string) =>
      (
        await api()
          .get('/api/journeys')
          .query({ journey: 'preventive-outreach', overdue })
          .set('Authorization', DEMO_KEYS.operator)
          .expect(200)
      ).body.items.map((item: { id: string }) => item.id) as string[];
    expect(await listIds('true')).toEqual([ids.breached]);
    const notOverdue = await eventually(
      () => listIds('false'),
      (found) => found.length === 2,
    );
    expect(notOverdue.sort()).toEqual([ids.waiting, ids.cancelled].sort());
    const bad = await api()
      .get('/api/journeys')
      .query({ overdue: 'yes' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'overdue', message: 'overdue must be true or false' }]);
  });
});
