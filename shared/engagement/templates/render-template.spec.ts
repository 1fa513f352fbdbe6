import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { deliveryChannels } from '../../../contracts/delivery-channels';
import { hasTemplate, renderInlineWording, renderTemplate, type TemplateRequest } from './render-template';
import type { ReadingLevel } from './template-variants';
import { journeyModules } from '../../../workflows/journeys';
import { locateMessage, wordingDir } from './template-files';

const workflowsDir = path.join(__dirname, '..', '..', '..', 'workflows');

/**
 * Every wording key a journey can send, read from the workflow sources rather than listed here,
 * so a key added to a journey without its wording files fails this test.
 */
function wordingKeysInWorkflows(): string[] {
  const keys = new Set<string>();
  for (const journey of fs.readdirSync(workflowsDir)) {
    const folder = path.join(workflowsDir, journey);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const file of fs.readdirSync(folder).filter((name) => /(?<!\.test)\.ts$/.test(name))) {
      const source = fs.readFileSync(path.join(folder, file), 'utf8');
      // The typed key lists: every quoted string in a .messages.ts file that starts with its journey.
      if (file.endsWith('.messages.ts'))
        for (const [, key] of source.matchAll(/'([a-z0-9.-]+)'/g)) if (key.startsWith(journey)) keys.add(key);
      // Keys a workflow names directly (appointment-reminder's).
      for (const [, key] of source.matchAll(/template: '([^']+)'/g)) keys.add(key);
    }
  }
  return [...keys].sort();
}

const schedulingUrl = 'https://scheduling.example.org/mammogram'; // 40 characters, like the defaults

/** Long real-world values: the longest item label and locations, the longest dates in both languages. */
const fullValues = (language: string): Record<string, string> => ({
  item: 'colorectal cancer screening',
  schedulingUrl,
  locations: 'Main Street Imaging Center (open Saturdays) and the Riverside Health mobile screening van',
  monthsOverdue: '26',
  timeZone: 'Europe/Madrid',
  // "miércoles, 30 de septiembre de 2026, 10:30": the longest date and time either language writes.
  appointmentAt: '2026-09-30T08:30:00.000Z',
  lastDayAt: '2026-09-30T21:59:59.999Z',
  by: '2026-09-30T21:59:59.999Z',
  coordinator: language === 'es' ? 'Lucía Fernández Ortega' : 'Samuel Okafor-Reid',
  session: '12',
  sessions: '16',
  windowHours: '72',
  test: '2-hour OGTT glucose',
  goalMet: 'yes',
});

/** What a journey sends when the optional values are absent and the answers go the other way. */
const sparseValues = (language: string): Record<string, string> => {
  const { lastDayAt: _lastDay, coordinator: _coordinator, ...values } = fullValues(language);
  // A Saturday: "sábado" alone turns a Spanish text into UCS-2, where two segments hold 134 characters.
  return { ...values, appointmentAt: '2026-09-26T08:30:00.000Z', monthsOverdue: '', goalMet: 'no' };
};

const keys = wordingKeysInWorkflows();
const languages = ['en', 'es'];
const cases = keys.flatMap((key) =>
  languages.flatMap((language) =>
    (['plain', 'standard'] as ReadingLevel[]).flatMap((readingLevel) =>
      deliveryChannels.map((channel) => ({ key, language, readingLevel, channel })),
    ),
  ),
);

function request(overrides: Partial<TemplateRequest>): TemplateRequest {
  return {
    key: 'preventive-outreach.reminder',
    channel: 'portal',
    language: 'en',
    readingLevel: 'plain',
    values: fullValues('en'),
    ...overrides,
  };
}

function failureOf(render: () => unknown): ApplicationFailure {
  try {
    render();
  } catch (error) {
    if (error instanceof ApplicationFailure) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe(renderTemplate.name, () => {
  it('finds the wording keys of every journey in the workflows', () => {
    expect(keys).toEqual(
      expect.arrayContaining(['appointment-reminder', 'oncology-fast-track-waiting-list']),
    );
    expect(keys.length).toBeGreaterThanOrEqual(32);
  });

  it.each(keys)('has English and Spanish wording, each with an SMS version, for %s', (key) => {
    expect(hasTemplate(key)).toBe(true);
    for (const language of languages) {
      const any = renderTemplate(request({ key, language, channel: 'portal', values: fullValues(language) }));
      expect(any.variant).toMatchObject({ language, readingLevel: 'plain', channel: 'any' });
      expect(any.subject).toBeTruthy();
      const sms = renderTemplate(request({ key, language, channel: 'sms', values: fullValues(language) }));
      expect(sms.variant).toMatchObject({ language, channel: 'sms' });
    }
  });

  it.each(cases)('renders $key in $language ($readingLevel) for $channel', ({ channel, ...rest }) => {
    for (const values of [fullValues(rest.language), sparseValues(rest.language)]) {
      const rendered = renderTemplate({ ...rest, channel, values });
      expect(rendered.text.trim()).not.toBe('');
      expect(rendered.text).not.toContain('{{');
      expect(rendered.text).not.toMatch(/undefined|\[object/);
      if (channel === 'sms') expect(rendered.segments).toBeLessThanOrEqual(2);
      if (channel === 'email') {
        expect(rendered.subject).toBeTruthy();
        expect(rendered.subject).not.toContain('{{');
        if (rendered.text.includes(schedulingUrl))
          expect(rendered.html).toContain(`<a href="${schedulingUrl}">`);
      }
    }
  });

  it('has no wording file that no journey sends', () => {
    const known = new Set(keys.map((key) => JSON.stringify(locateMessage(key))));
    for (const { id: journey } of journeyModules)
      for (const file of fs.readdirSync(wordingDir(journey)!)) {
        const message = file.replace(/\.[^.]+\.[^.]+\.[^.]+\.hbs$/, '');
        expect({ file, known: known.has(JSON.stringify({ journey, message })) }).toEqual({
          file,
          known: true,
        });
      }
  });

  it('finds every key a journey module declares, and only those', () => {
    expect(journeyModules.flatMap((journey) => journey.wording.keys).sort()).toEqual(keys);
  });

  describe('fallback', () => {
    it('uses the base language of a regional tag (es-MX -> es)', () => {
      const rendered = renderTemplate(request({ language: 'es-MX' }));
      expect(rendered.variant).toMatchObject({
        language: 'es',
        file: 'preventive-outreach/reminder.es.plain.any.hbs',
      });
      expect(rendered.text).toContain('Le recordamos');
    });

    it('falls back to English for a language without wording, or no language tag at all', () => {
      for (const language of ['fr', 'de-CH', '../es', '']) {
        expect(renderTemplate(request({ language })).variant.language).toBe('en');
      }
    });

    it('falls back from standard to plain, and uses standard where it exists', () => {
      const plainOnly = renderTemplate(request({ readingLevel: 'standard' }));
      expect(plainOnly.variant.readingLevel).toBe('plain');
      const standard = renderTemplate(
        request({ key: 'oncology-fast-track-waiting-list', readingLevel: 'standard', channel: 'sms' }),
      );
      expect(standard.variant.file).toBe('oncology-fast-track/waiting-list.en.standard.sms.hbs');
    });

    it('uses the language before the reading level: Spanish plain beats English standard', () => {
      const rendered = renderTemplate(
        request({ key: 'oncology-fast-track-waiting-list', language: 'es', readingLevel: 'standard' }),
      );
      expect(rendered.variant).toMatchObject({ language: 'es', readingLevel: 'plain' });
    });

    it('uses the any file for a channel without its own (call, letter)', () => {
      for (const channel of ['call', 'letter'] as const) {
        expect(renderTemplate(request({ channel })).variant.channel).toBe('any');
      }
    });

    it('takes an SMS subject from the any file of the same language', () => {
      const rendered = renderTemplate(request({ channel: 'sms', language: 'es' }));
      expect(rendered.subject).toBe('Recordatorio: tiene una cita de prevención pendiente');
    });
  });

  describe('formatting', () => {
    it('formats dates in the language of the wording', () => {
      const values = fullValues('en');
      const key = 'appointment-reminder';
      expect(renderTemplate(request({ key, values })).text).toContain(
        'Wednesday, 30 September 2026 at 10:30',
      );
      expect(renderTemplate(request({ key, values, language: 'es' })).text).toContain(
        'miércoles, 30 de septiembre de 2026, 10:30',
      );
    });

    it('words how overdue an item is in each language', () => {
      const key = 'preventive-outreach.mammogram.call-to-action';
      const text = (language: string, monthsOverdue: string) =>
        renderTemplate(request({ key, language, values: { ...fullValues(language), monthsOverdue } })).text;
      expect(text('en', '26')).toContain('is about 2 years overdue');
      expect(text('en', '1')).toContain('is about 1 month overdue');
      expect(text('en', '')).toContain('Your colorectal cancer screening is due.');
      expect(text('es', '5')).toContain('tiene un retraso de unos 5 meses');
      expect(text('es', '0')).toContain('mamografía está pendiente');
    });

    it('[HZ-70] rounds overdue years down, never claiming more overdue time than there is', () => {
      const key = 'preventive-outreach.mammogram.call-to-action';
      const text = (monthsOverdue: string) =>
        renderTemplate(request({ key, values: { ...fullValues('en'), monthsOverdue } })).text;
      expect(text('18')).toContain('is about 1 year overdue');
      expect(text('23')).toContain('is about 1 year overdue');
      expect(text('24')).toContain('is about 2 years overdue');
    });

    it('escapes values in the HTML part but leaves the text as written', () => {
      const item = '<script>alert("x")</script> & co';
      const rendered = renderTemplate(request({ channel: 'email', values: { ...fullValues('en'), item } }));
      expect(rendered.text).toContain(item);
      expect(rendered.subject).toContain(item);
      expect(rendered.html).not.toContain('<script>');
      expect(rendered.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    });

    it('builds the HTML part from paragraphs, links without trailing punctuation', () => {
      const letter = renderTemplate(request({ key: 'preventive-outreach.letter', channel: 'email' }));
      expect(letter.html?.match(/<p /g)).toHaveLength(3);
      const nudge = renderTemplate(request({ key: 'emergency-follow-up.nudge', channel: 'email' }));
      expect(nudge.html).toContain(`<a href="${schedulingUrl}">${schedulingUrl}</a>. If you feel worse`);
    });

    it('closes an email with an unsubscribe line in its language when given the link', () => {
      const unsubscribeUrl = 'https://carepath.example.org/unsubscribe?t=a1&b=2';
      const values = { ...fullValues('es'), unsubscribeUrl };
      const rendered = renderTemplate(request({ channel: 'email', language: 'es', values }));
      expect(rendered.text).toMatch(/\n\nPuede dejar de recibir estos correos cuando quiera: \S+$/);
      expect(rendered.html).toContain(
        '<a href="https://carepath.example.org/unsubscribe?t&#x3D;a1&amp;b&#x3D;2">',
      );
      expect(renderTemplate(request({ channel: 'portal', values })).text).not.toContain(unsubscribeUrl);
    });

    it('counts SMS segments and refuses a text longer than three', () => {
      expect(renderTemplate(request({ channel: 'sms' })).segments).toBe(1);
      const failure = failureOf(() =>
        renderTemplate(request({ channel: 'sms', values: { ...fullValues('en'), item: 'x'.repeat(500) } })),
      );
      expect(failure).toMatchObject({ type: 'MessageTooLong', nonRetryable: true });
    });
  });

  describe('errors', () => {
    it('fails on a value the workflow did not pass, never printing a gap', () => {
      const { item: _item, ...values } = fullValues('en');
      const failure = failureOf(() => renderTemplate(request({ values })));
      expect(failure).toMatchObject({ type: 'TemplateRenderFailed', nonRetryable: true });
      expect(failure.message).toContain('"item" not defined');
    });

    it('fails on a date helper without its value', () => {
      const { appointmentAt: _at, ...values } = fullValues('en');
      const failure = failureOf(() => renderTemplate(request({ key: 'appointment-reminder', values })));
      expect(failure).toMatchObject({ type: 'TemplateRenderFailed' });
      expect(failure.message).toContain('{{localDateTime}}: value 1 is missing');
    });

    it('fails on an unknown key without retrying', () => {
      for (const key of [
        'preventive-outreach.no-such-message',
        'no-such-journey.reminder',
        '../layouts/email',
      ]) {
        expect(failureOf(() => renderTemplate(request({ key })))).toMatchObject({
          type: 'UnknownTemplate',
          nonRetryable: true,
        });
        expect(hasTemplate(key)).toBe(false);
      }
    });
  });
});

describe('wording written in a journey definition (renderInlineWording)', () => {
  const wording = {
    texts: {
      es: {
        plain: { any: 'Reserve su cita: {{schedulingUrl}}' },
        standard: { any: 'Le recomendamos reservar su cita en {{schedulingUrl}}.' },
      },
      en: {
        plain: { any: 'Book: {{schedulingUrl}}', email: 'Please book your visit at {{schedulingUrl}}.' },
      },
    },
    // The definition's default language first.
    languages: ['es', 'en'],
  };
  const render = (
    language: string,
    readingLevel: ReadingLevel,
    channel: string,
    values = { schedulingUrl },
  ) => renderInlineWording({ key: 'visit-invitation', channel, language, readingLevel, values, wording });

  test('picks the language, then its base; the reading level, then plain; the channel, then any', () => {
    expect(render('en-US', 'standard', 'email').variant).toEqual({
      language: 'en',
      readingLevel: 'plain',
      channel: 'email',
      file: 'inline:visit-invitation.en.plain.email',
    });
    expect(render('es-MX', 'standard', 'sms')).toMatchObject({
      text: `Le recomendamos reservar su cita en ${schedulingUrl}.`,
      variant: { language: 'es', readingLevel: 'standard', channel: 'any' },
    });
    expect(render('en', 'plain', 'sms').text).toBe(`Book: ${schedulingUrl}`);
  });

  test("a language the definition lacks gets the definition's default, not English", () => {
    expect(render('fr', 'plain', 'sms').text).toBe(`Reserve su cita: ${schedulingUrl}`);
  });

  test("an email gets the subject written for the wording's language, in the email layout", () => {
    const email = renderInlineWording({
      key: 'visit-invitation',
      channel: 'email',
      language: 'es-MX',
      readingLevel: 'plain',
      values: { schedulingUrl },
      wording: { ...wording, subjects: { es: 'Reserve su cita', en: 'Book your visit' } },
    });
    expect(email).toMatchObject({ subject: 'Reserve su cita', variant: { language: 'es' } });
    expect(email.html).toContain('Reserve su cita: ');
  });

  test('a missing value or an unknown helper fails at once and is not retried', () => {
    expect(() => render('en', 'plain', 'sms', {} as never)).toThrow(ApplicationFailure);
    expect(() =>
      renderInlineWording({
        key: 'bad',
        channel: 'sms',
        language: 'en',
        readingLevel: 'plain',
        values: {},
        wording: { texts: { en: { plain: { any: '{{lookup this "x"}}' } } }, languages: ['en'] },
      }),
    ).toThrow(/could not be rendered/);
    expect(() =>
      renderInlineWording({
        key: 'empty',
        channel: 'sms',
        language: 'en',
        readingLevel: 'plain',
        values: {},
        wording: { texts: {}, languages: ['en'] },
      }),
    ).toThrow(/has no wording/);
  });
});
