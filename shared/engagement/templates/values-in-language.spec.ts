import { describe, expect, test } from '@jest/globals';
import {
  defaultText,
  localizedText,
  localizedValues,
} from '../../../workflows/outreach-escalation/localized-text';
import { z } from 'zod';
import { renderTemplate } from './render-template';
import { valuesInLanguage } from './values-in-language';

const locations = { en: 'Main Street Pharmacy', es: 'Farmacia de la calle Mayor' };
const fluShot = (values: Record<string, string>, language: string) =>
  renderTemplate({
    key: 'preventive-outreach.flu-shot.call-to-action',
    channel: 'sms',
    language,
    readingLevel: 'plain',
    values: {
      item: 'flu shot',
      schedulingUrl: 'https://scheduling.example.org/flu-shot',
      monthsOverdue: '',
      timeZone: 'Europe/Madrid',
      ...values,
    },
  });

describe('per-language settings text', () => {
  test('a plain string is the default language and gives exactly the value it always gave', () => {
    expect(localizedValues('locations', 'your local pharmacy')).toEqual({ locations: 'your local pharmacy' });
    expect(defaultText('your local pharmacy')).toBe('your local pharmacy');
    expect(defaultText(locations)).toBe('Main Street Pharmacy');
  });

  test('the settings accept both shapes, and a map must give the default language', () => {
    const schema = localizedText(z, z.string().min(1).max(300));
    expect(schema.safeParse('your local pharmacy').success).toBe(true);
    expect(schema.safeParse(locations).success).toBe(true);
    expect(schema.safeParse({ es: 'Farmacia' }).error?.issues[0]?.message).toMatch(/default language \(en\)/);
    expect(schema.safeParse({ Spanish: 'Farmacia', en: 'x' }).success).toBe(false);
  });

  test('the language asked for wins, then its base language; else the default, flagged', () => {
    const values = localizedValues('locations', locations);
    expect(valuesInLanguage(values, 'es').values.locations).toBe('Farmacia de la calle Mayor');
    expect(valuesInLanguage(values, 'es-MX').values.locations).toBe('Farmacia de la calle Mayor');
    expect(valuesInLanguage(values, 'en')).toEqual({
      values: { locations: 'Main Street Pharmacy' },
      inDefaultLanguage: [],
    });
    expect(valuesInLanguage(values, 'pl')).toEqual({
      values: { locations: 'Main Street Pharmacy' },
      inDefaultLanguage: ['locations'],
    });
    // A plain string a program could have given per language is flagged when it stands in.
    expect(
      valuesInLanguage({ locations: 'your local pharmacy' }, 'es', ['locations']).inDefaultLanguage,
    ).toEqual(['locations']);
  });

  test('[HZ-98] a Spanish message carries the Spanish locations, an English one the English locations', () => {
    const values = localizedValues('locations', locations);
    const spanish = fluShot(values, 'es');
    expect(spanish.variant.language).toBe('es');
    expect(spanish.text).toContain('Farmacia de la calle Mayor');
    expect(spanish.text).not.toContain('Main Street Pharmacy');
    const english = fluShot(values, 'en');
    expect(english.text).toContain('Main Street Pharmacy');
    expect(english.text).not.toContain('Farmacia');
  });

  test('[HZ-98] a wording that falls back to English also says the English locations, never a mix', () => {
    // No Polish wording: the English file is used, and with it the English text of the setting.
    const polish = fluShot(localizedValues('locations', locations), 'pl');
    expect(polish.variant.language).toBe('en');
    expect(polish.text).toContain('Main Street Pharmacy');
  });
});
