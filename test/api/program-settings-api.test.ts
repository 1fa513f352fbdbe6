import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';
import { uniqueName } from '../helpers/test-stack';
import { HOUR_MS } from '../../contracts/durations';

describe('program settings over HTTP: versions, validation, pinning at enrolment', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const settingsUrl = '/api/programs/appointment-reminder/settings';
  const startReminder = (appointmentAt: string) =>
    api()
      .post('/api/journeys')
      .set('Authorization', DEMO_KEYS.operator)
      .send({ journey: 'appointment-reminder', patientId: uniqueName('pat'), params: { appointmentAt } })
      .expect(201);
  const reminderDueAt = (journey: { upcoming: Array<{ id: string; dueAt: string }> }) =>
    Date.parse(journey.upcoming.find((timer) => timer.id === 'reminder')!.dueAt);

  test('before anything is published, the built-in defaults are version 0', async () => {
    const current = await api().get(settingsUrl).set('Authorization', DEMO_KEYS.designer).expect(200);
    expect(current.body).toMatchObject({
      version: 0,
      settings: { reminderLeadHours: 24, channel: 'portal' },
      publishedAt: null,
    });
  });

  test('a draft is validated without publishing; invalid drafts and publishes say what is wrong and store nothing', async () => {
    const bad = { settings: { reminderLeadHours: 0, tone: 'cheerful' } };
    const checked = await api()
      .post(`${settingsUrl}/validate`)
      .set('Authorization', DEMO_KEYS.designer)
      .send(bad)
      .expect(200);
    expect(checked.body.valid).toBe(false);
    expect(checked.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['settings.reminderLeadHours', 'settings']),
    );
    const good = await api()
      .post(`${settingsUrl}/validate`)
      .set('Authorization', DEMO_KEYS.designer)
      .send({ settings: { reminderLeadHours: 72 } })
      .expect(200);
    expect(good.body).toEqual({
      valid: true,
      settings: { reminderLeadHours: 72, channel: 'portal' },
      errors: [],
    });

    const refused = await api()
      .post(settingsUrl)
      .set('Authorization', DEMO_KEYS.designer)
      .send({ ...bad, basedOnVersion: 0 })
      .expect(400);
    expect(refused.body.errors[0].field).toBe('settings.reminderLeadHours');
    await api()
      .post(settingsUrl)
      .set('Authorization', DEMO_KEYS.operator)
      .send({ settings: {}, basedOnVersion: 0 })
      .expect(403);
    await api()
      .post('/api/programs/moon-landing/settings')
      .set('Authorization', DEMO_KEYS.designer)
      .send({ settings: {}, basedOnVersion: 0 })
      .expect(404);

    const versions = await api()
      .get(`${settingsUrl}/versions`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(versions.body.map((version: { version: number }) => version.version)).toEqual([0]);
  });

  test('publishing affects new enrolments only; running journeys keep the version they started with', async () => {
    const appointmentAt = new Date(Date.now() + 10 * 24 * HOUR_MS).toISOString();
    const { body: before } = await startReminder(appointmentAt);
    expect(before.settingsVersion).toBe(0);
    expect(reminderDueAt(before)).toBe(Date.parse(appointmentAt) - 24 * HOUR_MS);

    const published = await api()
      .post(settingsUrl)
      .set('Authorization', DEMO_KEYS.designer)
      .send({
        settings: { reminderLeadHours: 48 },
        basedOnVersion: 0,
        note: 'Two days ahead gives time to rebook',
      })
      .expect(201);
    expect(published.body).toMatchObject({
      version: 1,
      publishedBy: 'designer',
      settings: { reminderLeadHours: 48 },
    });

    const { body: after } = await startReminder(appointmentAt);
    expect(after.settingsVersion).toBe(1);
    expect(reminderDueAt(after)).toBe(Date.parse(appointmentAt) - 48 * HOUR_MS);
    const { body: stillBefore } = await api()
      .get(`/api/journeys/${before.id}`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(stillBefore.settingsVersion).toBe(0);
    expect(reminderDueAt(stillBefore)).toBe(Date.parse(appointmentAt) - 24 * HOUR_MS);

    // A draft edited from version 0 would silently undo version 1: refused until rebased.
    const stale = await api()
      .post(settingsUrl)
      .set('Authorization', DEMO_KEYS.designer)
      .send({ settings: {}, basedOnVersion: 0 })
      .expect(409);
    expect(stale.body.errors).toEqual([{ field: 'basedOnVersion', message: 'must be 1' }]);

    const v1 = await api()
      .get(`${settingsUrl}/versions/1`)
      .set('Authorization', DEMO_KEYS.operator)
      .expect(200);
    expect(v1.body).toMatchObject({ version: 1, note: 'Two days ahead gives time to rebook' });
    await api().get(`${settingsUrl}/versions/7`).set('Authorization', DEMO_KEYS.operator).expect(404);
    await api().get(`${settingsUrl}/versions/latest`).set('Authorization', DEMO_KEYS.operator).expect(400);
    const types = await api().get('/api/journey-types').set('Authorization', DEMO_KEYS.designer).expect(200);
    expect(
      types.body.find((type: { id: string }) => type.id === 'appointment-reminder').settingsVersion,
    ).toBe(1);
  });
});
