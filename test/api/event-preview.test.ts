import request from 'supertest';
import { DAY_MS } from '../../contracts/durations';
import { DEMO_KEYS, eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/**
 * Before an operator sends an event, the journey says what it would do with it: apply it, hold
 * it until an earlier step is recorded, or refuse it and why. The answer comes from the same check
 * the event update runs, and asking changes nothing.
 */
describe('POST /api/journeys/:id/events/preview (real API, worker, Temporal dev server, PostgreSQL)', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const asOperator = { Authorization: DEMO_KEYS.operator };
  const startCard = async () => {
    const started = await api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.integration)
      .send({
        journey: 'oncology-fast-track',
        patientId: uniqueName('pat'),
        params: { cardId: uniqueName('DILO'), clockStartAt: daysAgo(2), timeZone: 'Europe/Warsaw' },
      })
      .expect(201);
    return started.body as { id: string; stage: string; timeline: unknown[] };
  };
  const preview = (id: string, event: Record<string, unknown>) =>
    api().post(`/api/journeys/${id}/events/preview`).set(asOperator).send(event);
  const send = (id: string, event: Record<string, unknown>) =>
    api().post(`/api/journeys/${id}/events`).set(asOperator).send(event).expect(200);

  test('[HZ-96] treatment started while the card is on the waiting list: the preview says held until the step it waits for, and the journey then holds it so', async () => {
    const card = await startCard();
    expect(card.stage).toBe('waiting-list');

    const held = await preview(card.id, { type: 'treatment-started' }).expect(200);
    expect(held.body).toEqual({ outcome: 'held', until: expect.any(String) });

    const sent = await send(card.id, { type: 'treatment-started' });
    expect(sent.body.stage).toBe('waiting-list');
    // The timeline says the same thing the preview did, in the same words.
    const lines = (sent.body.timeline as Array<{ summary: string; ref?: string }>)
      .filter((entry) => entry.ref === 'treatment-started')
      .map((entry) => entry.summary);
    expect(lines).toEqual([expect.stringContaining(`held until ${held.body.until} is recorded`)]);
  });

  test('[HZ-96] a next step applies; one already held is refused with the reason the journey would give; previewing leaves no trace', async () => {
    const card = await startCard();
    await expect(preview(card.id, { type: 'specialist-visit-done' })).resolves.toMatchObject({
      status: 200,
      body: { outcome: 'applied' },
    });
    await send(card.id, { type: 'treatment-started' });
    // The step's own work first (the patient has no channel: a message that reached nobody, then a
    // staff call), so what follows compares only what the previews and the refused send left.
    const { timeline } = (
      await eventually(
        () => api().get(`/api/journeys/${card.id}`).set(asOperator).expect(200),
        (response) => response.body.timeline.some((entry: { kind: string }) => entry.kind === 'task'),
      )
    ).body;

    const refused = await preview(card.id, { type: 'treatment-started' }).expect(200);
    expect(refused.body).toEqual({
      outcome: 'refused',
      reason: expect.stringContaining('already been received'),
    });
    const sentAgain = await api()
      .post(`/api/journeys/${card.id}/events`)
      .set(asOperator)
      .send({ type: 'treatment-started' })
      .expect(400);
    expect(sentAgain.body.message).toBe(refused.body.reason);

    const after = (await api().get(`/api/journeys/${card.id}`).set(asOperator).expect(200)).body;
    expect(after.timeline).toEqual(timeline);
    expect(after.stage).toBe('waiting-list');
  });

  test('a malformed event is a 400 naming its field, as sending it would be; an ended journey refuses everything', async () => {
    const card = await startCard();
    const malformed = await preview(card.id, { type: 'clock-adjustment', days: 'three' }).expect(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['days']),
    );
    await api()
      .post(`/api/journeys/${card.id}/cancel`)
      .set(asOperator)
      .send({ reason: 'Test card entered in error' })
      .expect(200);
    const ended = await preview(card.id, { type: 'specialist-visit-done' }).expect(200);
    expect(ended.body).toEqual({ outcome: 'refused', reason: expect.stringContaining('already ended') });
  });

  test('only operators may preview, and each preview is audited as a read of the journey', async () => {
    const card = await startCard();
    await api()
      .post(`/api/journeys/${card.id}/events/preview`)
      .set('Authorization', DEMO_KEYS.designer)
      .send({ type: 'specialist-visit-done' })
      .expect(403);
    await preview(card.id, { type: 'specialist-visit-done' }).expect(200);
    const audited = await eventually(
      () =>
        api()
          .get('/api/audit-events')
          .query({ action: 'journey.event.preview', journeyId: card.id })
          .set('Authorization', DEMO_KEYS.auditor)
          .expect(200),
      (response) => response.body.items.length >= 2,
    );
    expect(audited.body.items.map((item: { outcomeStatus: number }) => item.outcomeStatus).sort()).toEqual([
      200, 403,
    ]);
  });
});
