import request from 'supertest';
import { createStaffTaskActivity } from '../../activities/staff-tasks/create-staff-task';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

describe('the staff work queue over HTTP', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const journeyId = `oncology-fast-track-${'a'.repeat(32)}`;

  test('[HZ-85] journeys add each task once; operators see open tasks urgent first, then by due time', async () => {
    const createStaffTask = createStaffTaskActivity(stack.database.dataSource);
    const warning = {
      idempotencyKey: `${journeyId}/deadline-warning:specialist-visit`,
      journeyId,
      patientRef: 'ref-1',
      kind: 'deadline-warning',
      priority: 'routine' as const,
      title: 'Specialist visit due in 3 days',
      dueAt: '2026-12-01T00:00:00.000Z',
    };
    const first = await createStaffTask(warning);
    const retried = await createStaffTask(warning);
    expect(retried).toEqual({ taskId: first.taskId, alreadyCreated: true });
    await createStaffTask({
      ...warning,
      idempotencyKey: `${journeyId}/deadline-breach:x`,
      kind: 'deadline-breach',
      priority: 'urgent',
      dueAt: '2026-12-05T00:00:00.000Z',
    });

    const open = await api().get('/api/staff-tasks').set('Authorization', DEMO_KEYS.operator).expect(200);
    expect(open.body.map((task: { kind: string }) => task.kind)).toEqual([
      'deadline-breach',
      'deadline-warning',
    ]);
    expect(open.body[1]).toMatchObject({
      id: first.taskId,
      journeyId,
      status: 'open',
      dueAt: '2026-12-01T00:00:00.000Z',
    });
    expect(open.body[1]).not.toHaveProperty('patientRef');

    const none = await api()
      .get('/api/staff-tasks')
      .query({ status: 'done' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(none.body).toEqual([]);
    const bad = await api()
      .get('/api/staff-tasks')
      .query({ status: 'lost' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(400);
    expect(bad.body.errors[0].field).toBe('status');
    await api().get('/api/staff-tasks').set('Authorization', DEMO_KEYS.designer).expect(403);

    // The work queue lists what is still to do: open tasks and those someone has taken.
    await api()
      .post(`/api/staff-tasks/${first.taskId}/claim`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ assignee: 'dev-operator' })
      .expect(200);
    const stillOpen = await api()
      .get('/api/staff-tasks')
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(stillOpen.body.map((task: { id: string }) => task.id)).not.toContain(first.taskId);
    const queue = await api()
      .get('/api/staff-tasks')
      .query({ status: 'open,claimed' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(queue.body).toHaveLength(open.body.length);
    expect(queue.body).toContainEqual(expect.objectContaining({ id: first.taskId, status: 'claimed' }));
    const partlyBad = await api()
      .get('/api/staff-tasks')
      .query({ status: 'open,lost' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(400);
    expect(partlyBad.body.errors[0]).toEqual({
      field: 'status',
      message: 'status must be among open, claimed, done, cancelled',
    });
  });
});
