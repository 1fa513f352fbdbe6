import request from 'supertest';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

describe('settings as forms over HTTP: readable problems and a per-language preview', () => {
  let stack: ApiStack;

  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(() => stack?.close());

  const api = () => request(stack.http);
  const outreach = '/api/programs/preventive-outreach/settings';
  const fluShot = (locations: unknown) => ({ items: { 'flu-shot': { locations } } });

  test('a problem names the field by its title and says what to enter, not zod wording', async () => {
    const checked = await api()
      .post(`${outreach}/validate`)
      .set('Authorization', DEMO_KEYS.designer)
      .send({
        settings: {
          escalation: {
            steps: [
              {
                afterDays: 0,
                action: 'message',
                channel: 'sms',
                wording: 'reminder',
                respondWithinHours: 400,
              },
              { afterDays: 2, action: 'staff-call', priority: 'routine', dueWithinHours: 0 },
            ],
            closeAfterDays: 45,
          },
          reminderLeadHours: 100,
        },
      })
      .expect(200);
    expect(checked.body.valid).toBe(false);
    expect(checked.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'settings.escalation.steps.0.respondWithinHours',
          message: 'Respond within (hours) must be at most 336.',
        },
        {
          field: 'settings.escalation.steps.1.dueWithinHours',
          message: 'Call due within (hours) must be at least 1.',
        },
        { field: 'settings.reminderLeadHours', message: 'Reminder lead time (hours) must be at most 72.' },
      ]),
    );
    for (const { message } of checked.body.errors) expect(message).not.toMatch(/expected|Too big|Too small/);

    const refused = await api()
      .post(outreach)
      .set('Authorization', DEMO_KEYS.designer)
      .send({ settings: { reminderLeadHours: 100 }, basedOnVersion: 0 })
      .expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'settings.reminderLeadHours', message: 'Reminder lead time (hours) must be at most 72.' },
    ]);
  });

  test('[HZ-98] the Spanish SMS preview carries the Spanish location; a plain one is flagged as English', async () => {
    const preview = (settings: unknown, language: string) =>
      api()
        .post(`${outreach}/preview`)
        .set('Authorization', DEMO_KEYS.designer)
        .send({ settings, wording: 'preventive-outreach.flu-shot.call-to-action', language, channel: 'sms' })
        .expect(200);

    const spanish = await preview(
      fluShot({ en: 'Main Street Pharmacy', es: 'Farmacia de la calle Mayor' }),
      'es',
    );
    expect(spanish.body).toMatchObject({ language: 'es', fallbacks: [] });
    expect(spanish.body.text).toContain('Farmacia de la calle Mayor');
    expect(spanish.body.text).not.toContain('Main Street');
    expect(spanish.body.segments).toBeGreaterThanOrEqual(1);

    const english = await preview(
      fluShot({ en: 'Main Street Pharmacy', es: 'Farmacia de la calle Mayor' }),
      'en',
    );
    expect(english.body.text).toContain('Main Street Pharmacy');

    // What every version published before per-language text holds: one string, the default language.
    const plain = await preview(fluShot('Main Street Pharmacy'), 'es');
    expect(plain.body.text).toContain('Main Street Pharmacy');
    expect(plain.body.fallbacks).toEqual([
      { value: 'locations', message: 'Where to go has no Spanish text: the message shows the English one.' },
    ]);
  });

  test("a preview is for designers, of a valid draft, of the journey's own wording", async () => {
    const body = {
      settings: {},
      wording: 'preventive-outreach.flu-shot.call-to-action',
      language: 'es',
      channel: 'sms',
    };
    await api().post(`${outreach}/preview`).set('Authorization', DEMO_KEYS.operator).send(body).expect(403);
    const invalid = await api()
      .post(`${outreach}/preview`)
      .set('Authorization', DEMO_KEYS.designer)
      .send({ ...body, settings: { reminderLeadHours: 100 } })
      .expect(400);
    expect(invalid.body.errors[0].message).toBe('Reminder lead time (hours) must be at most 72.');
    await api()
      .post(`${outreach}/preview`)
      .set('Authorization', DEMO_KEYS.designer)
      .send({ ...body, wording: 'prediabetes-care.welcome' })
      .expect(400);
  });
});
