import request from 'supertest';
import { createStaffTaskActivity } from '../../activities/staff-tasks/create-staff-task';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

describe('the staff work queue over HTTP', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    // The demo EHR: operators see each task's patient, read from it.
    stack = await startApiStack({}, undefined, { fhirSandbox: { seed: true } });
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

    const open = await api()
      .get('/api/staff-tasks')
      .query({ journeyType: 'oncology-fast-track' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(open.body.items.map((task: { kind: string }) => task.kind)).toEqual([
      'deadline-breach',
      'deadline-warning',
    ]);
    expect(open.body.items[1]).toMatchObject({
      id: first.taskId,
      journeyId,
      status: 'open',
      dueAt: '2026-12-01T00:00:00.000Z',
    });
    expect(open.body.items[1]).not.toHaveProperty('patientRef');

    const none = await api()
      .get('/api/staff-tasks')
      .query({ status: 'done' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(none.body).toEqual({ items: [], total: 0, offset: 0 });
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
      .query({ journeyType: 'oncology-fast-track' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(stillOpen.body.items.map((task: { id: string }) => task.id)).not.toContain(first.taskId);
    const queue = await api()
      .get('/api/staff-tasks')
      .query({ status: 'open,claimed', journeyType: 'oncology-fast-track' })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(queue.body.items).toHaveLength(open.body.items.length);
    expect(queue.body.items).toContainEqual(expect.objectContaining({ id: first.taskId, status: 'claimed' }));
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

  describe('the work list', () => {
    const HOUR = 3_600_000;
    const hex = (n: number) => n.toString(16).padStart(32, '0');
    const outreachId = (n: number) => `preventive-outreach-${hex(n)}`;
    const asOperator = { Authorization: DEMO_KEYS.operator };
    const listed = (query: Record<string, string | number | boolean>, key: string = DEMO_KEYS.operator) =>
      api()
        .get('/api/staff-tasks')
        .query({ status: 'open,claimed', journeyType: 'preventive-outreach', ...query })
        .set('Authorization', key)
        .expect(200);
    const titles = (response: { body: { items: Array<{ title: string }> } }) =>
      response.body.items.map((task) => task.title);
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const createStaffTask = createStaffTaskActivity(stack.database.dataSource);
      const now = Date.now();
      const at = (offsetHours: number) => new Date(now + offsetHours * HOUR).toISOString();
      const tasks = [
        { title: 'three hours late', priority: 'routine', dueAt: at(-3), patientId: 'pat-1001' },
        { title: 'one hour late', priority: 'routine', dueAt: at(-1) },
        { title: 'urgent, due in two hours', priority: 'urgent', dueAt: at(2) },
        { title: 'no due time', priority: 'routine' },
        { title: 'urgent, half an hour late', priority: 'urgent', dueAt: at(-0.5) },
        { title: 'mine, due tomorrow', priority: 'routine', dueAt: at(24) },
        { title: "someone else's", priority: 'routine', dueAt: at(30) },
      ] as const;
      for (const [n, task] of tasks.entries()) {
        const { taskId } = await createStaffTask({
          idempotencyKey: `${outreachId(n)}/outreach-1:step-${n}`,
          journeyId: outreachId(n),
          patientRef: `ref-work-list-${n}`,
          kind: 'phone-call',
          details: { reason: `reason ${n}` },
          ...task,
        });
        ids[task.title] = taskId;
      }
      for (const [title, assignee] of [
        ['mine, due tomorrow', 'dev-operator'],
        ["someone else's", 'nurse.b'],
      ]) {
        await api()
          .post(`/api/staff-tasks/${ids[title!]}/claim`)
          .set(asOperator)
          .send({ assignee })
          .expect(200);
      }
    });

    test('each task names its journey, type, step, reason, due time, lateness and who holds it', async () => {
      const page = await listed({ sort: 'due' });
      expect(page.body.total).toBe(7);
      const [mostOverdue] = page.body.items;
      expect(mostOverdue).toMatchObject({
        title: 'three hours late',
        journeyId: outreachId(0),
        journeyType: 'preventive-outreach',
        step: 'outreach-1:step-0',
        reason: 'reason 0',
        claimedBy: null,
      });
      expect(mostOverdue.overdueByMinutes).toBeGreaterThanOrEqual(179);
      expect(mostOverdue.overdueByMinutes).toBeLessThanOrEqual(181);
      // No such journey runs in the engine: the list still answers, without a stage.
      expect(mostOverdue.stage).toBeNull();
      expect(
        page.body.items.find((task: { title: string }) => task.title === "someone else's"),
      ).toMatchObject({
        status: 'claimed',
        claimedBy: 'nurse.b',
        overdueByMinutes: null,
      });
    });

    test('sorts by due time (most overdue first, no due time last), by priority or by creation', async () => {
      expect(titles(await listed({ sort: 'due' }))).toEqual([
        'three hours late',
        'one hour late',
        'urgent, half an hour late',
        'urgent, due in two hours',
        'mine, due tomorrow',
        "someone else's",
        'no due time',
      ]);
      expect(titles(await listed({}))).toEqual([
        'urgent, half an hour late',
        'urgent, due in two hours',
        'three hours late',
        'one hour late',
        'mine, due tomorrow',
        "someone else's",
        'no due time',
      ]);
      expect(titles(await listed({ sort: 'created' }))[0]).toBe('three hours late');
      expect(titles(await listed({ sort: 'created' })).at(-1)).toBe("someone else's");
    });

    test('filters: mine, unclaimed, urgent, overdue, journey type; the total counts the matches', async () => {
      expect(titles(await listed({ mine: true }))).toEqual(['mine, due tomorrow']);
      const unclaimed = await listed({ unclaimed: true, sort: 'due' });
      expect(unclaimed.body.total).toBe(5);
      expect(titles(unclaimed)).not.toContain("someone else's");
      expect(titles(await listed({ priority: 'urgent' }))).toEqual([
        'urgent, half an hour late',
        'urgent, due in two hours',
      ]);
      const overdue = await listed({ overdue: true, sort: 'due' });
      expect(overdue.body.total).toBe(3);
      expect(titles(overdue)).toEqual(['three hours late', 'one hour late', 'urgent, half an hour late']);
      expect((await listed({ overdue: false })).body.total).toBe(4);
      expect((await listed({ journeyType: 'emergency-follow-up' })).body).toEqual({
        items: [],
        total: 0,
        offset: 0,
      });
      await api().get('/api/staff-tasks').query({ sort: 'soonest' }).set(asOperator).expect(400);
      await api().get('/api/staff-tasks').query({ mine: 'yes' }).set(asOperator).expect(400);
    });

    test('pages on the server with the total; a page token serves only the query it was issued for', async () => {
      const first = await listed({ sort: 'due', limit: 3 });
      expect(first.body).toMatchObject({ total: 7, offset: 0 });
      expect(titles(first)).toHaveLength(3);
      const second = await listed({ sort: 'due', limit: 3, pageToken: first.body.nextPageToken });
      expect(second.body).toMatchObject({ total: 7, offset: 3 });
      const third = await listed({ sort: 'due', limit: 3, pageToken: second.body.nextPageToken });
      expect(third.body).toMatchObject({ total: 7, offset: 6 });
      expect(third.body.nextPageToken).toBeUndefined();
      expect([...titles(first), ...titles(second), ...titles(third)]).toEqual(
        titles(await listed({ sort: 'due' })),
      );

      const otherQuery = await api()
        .get('/api/staff-tasks')
        .query({ status: 'open,claimed', journeyType: 'preventive-outreach', sort: 'created', limit: 3 })
        .query({ pageToken: first.body.nextPageToken })
        .set(asOperator)
        .expect(400);
      expect(otherQuery.body.errors[0].field).toBe('pageToken');
    });

    test("operators see the patient's name and birth date from the EHR; auditors do not", async () => {
      const forOperator = await listed({ sort: 'due', limit: 2 });
      expect(forOperator.body.items[0].patient).toEqual({
        name: 'Maria Nowak',
        birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      // A task whose journey has no EHR patient id has no patient to show.
      expect(forOperator.body.items[1].patient).toBeNull();
      const forAuditor = await listed({ sort: 'due', limit: 2 }, DEMO_KEYS.auditor);
      expect(forAuditor.body.items[0]).not.toHaveProperty('patient');
      expect(JSON.stringify(forAuditor.body)).not.toContain('Nowak');
    });

    test("a claim on someone else's task is refused 409 with who holds it; completing needs an outcome", async () => {
      const taken = await api()
        .post(`/api/staff-tasks/${ids["someone else's"]}/claim`)
        .set(asOperator)
        .send({ assignee: 'dev-operator' })
        .expect(409);
      expect(taken.body.message).toBe('The task cannot be claimed: it is claimed by nurse.b.');
      const noOutcome = await api()
        .post(`/api/staff-tasks/${ids['mine, due tomorrow']}/complete`)
        .set(asOperator)
        .send({ note: 'Spoke to her' })
        .expect(400);
      expect(noOutcome.body.errors[0].field).toBe('outcome');
      await api()
        .post(`/api/staff-tasks/${ids['mine, due tomorrow']}/complete`)
        .set(asOperator)
        .send({ outcome: 'reached' })
        .expect(200);
    });
  });

  test('[HZ-94] every urgent task is due: without a deadline from its journey it is due within the policy hours, and the database refuses one without', async () => {
    const createStaffTask = createStaffTaskActivity(stack.database.dataSource);
    const before = Date.now();
    const { taskId } = await createStaffTask({
      idempotencyKey: `${journeyId}/critical-value:x`,
      journeyId,
      patientRef: 'ref-urgent',
      kind: 'critical-value',
      priority: 'urgent',
      title: 'Critical glucose: a clinician today',
    });
    const [task] = await stack.database.dataSource.query<Array<{ due_at: Date }>>(
      'SELECT due_at FROM staff_task WHERE id = $1',
      [taskId],
    );
    const dueInHours = (task!.due_at.getTime() - before) / 3_600_000;
    expect(dueInHours).toBeGreaterThan(3.99);
    expect(dueInHours).toBeLessThan(4.01);
    await expect(
      stack.database.dataSource.query(
        "INSERT INTO staff_task (idempotency_key, journey_id, patient_ref, kind, priority, title) VALUES ('k', 'j', 'r', 'x', 'urgent', 't')",
      ),
    ).rejects.toThrow(/staff_task_urgent_due/);
  });
});
