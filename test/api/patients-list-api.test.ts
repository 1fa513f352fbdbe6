import request from 'supertest';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

const DAY = 24 * 60 * 60 * 1000;

interface ListedJourney {
  id: string;
  nextDeadline?: { label: string; dueAt: string };
  overdueSince?: string;
  patient?: { name: string; birthDate: string | null } | null;
}

/*
 * The patients list as operators and auditors read it: the next deadline and how long one is
 * overdue, sorted most overdue first, one patient's card found by its id, and names for operators
 * only (from the demo EHR), with the audit trail saying whose were shown.
 */
describe('the patients list over HTTP (real API, worker, Temporal, PostgreSQL, FHIR sandbox)', () => {
  let stack: ApiStack;
  const cards = { overdue: uniqueName('card'), onTime: uniqueName('card') };
  const ids = { overdue: '', onTime: '' };

  beforeAll(async () => {
    stack = await startApiStack({}, undefined, { fhirSandbox: { seed: true } });
    const start = async (patientId: string, cardId: string, clockStartedDaysAgo: number) =>
      (
        await request(stack.http)
          .post('/api/journeys')
          .set('Authorization', DEMO_KEYS.operator)
          .send({
            journey: 'oncology-fast-track',
            patientId,
            params: {
              cardId,
              clockStartAt: new Date(Date.now() - clockStartedDaysAgo * DAY).toISOString(),
              timeZone: 'Europe/Warsaw',
            },
          })
          .expect(201)
      ).body.id as string;
    // Maria's clock started 40 days ago: her first deadline has passed. Jan's started yesterday.
    ids.overdue = await start('pat-1001', cards.overdue, 40);
    ids.onTime = await start('pat-1002', cards.onTime, 1);
  }, 120_000);
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const list = (query: Record<string, string>, key: string = DEMO_KEYS.operator) =>
    eventually(
      () => api().get('/api/journeys').query(query).set('Authorization', key).expect(200),
      (response) =>
        [ids.overdue, ids.onTime].every((id) =>
          (response.body.items as ListedJourney[]).some(
            (item) => item.id === id && item.nextDeadline !== undefined,
          ),
        ),
    );
  const ours = (items: ListedJourney[]) =>
    items.filter((item) => item.id === ids.overdue || item.id === ids.onTime);

  test('[HZ-97] sorted by next deadline, the most overdue journey comes first with when its deadline passed', async () => {
    const { body } = await list({ journey: 'oncology-fast-track', sort: 'next-deadline' });
    const [first, second] = ours(body.items as ListedJourney[]);
    expect(first!.id).toBe(ids.overdue);
    expect(Date.parse(first!.overdueSince!)).toBeLessThan(Date.now());
    expect(first!.nextDeadline!.dueAt).toBe(first!.overdueSince);
    expect(second!.id).toBe(ids.onTime);
    expect(second).not.toHaveProperty('overdueSince');
    expect(Date.parse(second!.nextDeadline!.dueAt)).toBeGreaterThan(Date.now());
    // Across the whole page: no journey with a later deadline before an earlier one.
    const due = (body.items as ListedJourney[]).flatMap((item) =>
      item.nextDeadline ? [item.nextDeadline.dueAt] : [],
    );
    expect(due).toEqual([...due].sort());

    const { body: newest } = await list({ journey: 'oncology-fast-track' });
    expect(ours(newest.items as ListedJourney[]).map((item) => item.id)).toEqual([ids.onTime, ids.overdue]);
  });

  test("operators see each patient's name and birth date from the EHR; auditors do not", async () => {
    const forOperator = await list({ journey: 'oncology-fast-track' });
    const maria = ours(forOperator.body.items as ListedJourney[]).find((item) => item.id === ids.overdue)!;
    expect(maria.patient).toEqual({
      name: 'Maria Nowak',
      birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const forAuditor = await list({ journey: 'oncology-fast-track' }, DEMO_KEYS.auditor);
    for (const item of forAuditor.body.items as ListedJourney[]) expect(item).not.toHaveProperty('patient');
    expect(JSON.stringify(forAuditor.body)).not.toContain('Nowak');
  });

  test('the audit trail records whose names an operator was shown', async () => {
    await list({ journey: 'oncology-fast-track' });
    const audited = await eventually(
      async () =>
        (
          await api()
            .get('/api/audit-events')
            .query({ patientId: 'pat-1001', action: 'journey.list' })
            .set('Authorization', DEMO_KEYS.auditor)
            .expect(200)
        ).body.items as Array<{ actor: { role: string }; route: string }>,
      (items) => items.some((item) => item.actor.role === 'operator'),
    );
    expect(audited.find((item) => item.actor.role === 'operator')).toMatchObject({ route: '/api/journeys' });
  });

  test('a card is found within its patient; a card id alone is refused, as the id hides it', async () => {
    const { body } = await eventually(
      () =>
        api()
          .get('/api/journeys')
          .query({ patientId: 'pat-1001', instance: cards.overdue })
          .set('Authorization', DEMO_KEYS.operator)
          .expect(200),
      (response) => response.body.items.length > 0,
    );
    expect((body.items as ListedJourney[]).map((item) => item.id)).toEqual([ids.overdue]);
    const wrongPatient = await api()
      .get('/api/journeys')
      .query({ patientId: 'pat-1002', instance: cards.overdue })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(wrongPatient.body.items).toEqual([]);
    const alone = await api()
      .get('/api/journeys')
      .query({ instance: cards.overdue })
      .set('Authorization', DEMO_KEYS.operator)
      .expect(400);
    expect(alone.body.errors[0].field).toBe('instance');
  });

  test('a pause names the operator who made it on the timeline', async () => {
    const { body } = await api()
      .post(`/api/journeys/${ids.onTime}/pause`)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ reason: 'Patient asked to wait a week' })
      .expect(200);
    const pause = (body.timeline as Array<{ kind: string; summary: string; by: string }>).find((entry) =>
      entry.summary.startsWith('Paused'),
    );
    expect(pause).toMatchObject({ kind: 'control', by: 'dev-operator' });
    // Every entry says who or what caused it.
    for (const entry of body.timeline as Array<{ by: string }>) expect(entry.by).toEqual(expect.any(String));
  });
});
