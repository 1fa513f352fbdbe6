import { describe, expect, jest, test } from '@jest/globals';
import { compileTemplate } from './compile-wording';
import { interpretWording } from './interpret-wording';

/*
 * The interpreter must render definition wording exactly as the compiled template would: each
 * case renders both ways, and what one refuses the other refuses.
 */

const values = {
  schedulingUrl: 'https://book.example.org',
  appointmentAt: '2026-03-20T14:30:00Z',
  timeZone: 'America/Mexico_City',
  monthsOverdue: '27',
  goalMet: 'yes',
  empty: '',
  clinic: 'Clínica <Norte> & "Sur"',
};

const same = [
  'Book: {{schedulingUrl}}',
  '  Padded text {{clinic}}  ',
  'Raw {{{clinic}}} and escaped-by-nothing {{clinic}}',
  'Your visit: {{localDateTime appointmentAt timeZone}}.',
  'Due by {{localDate appointmentAt timeZone}}',
  'Your screening {{overdue monthsOverdue}}.',
  '{{#if (isYes goalMet)}}Well done!{{else}}Keep going.{{/if}}',
  '{{#unless empty}}No empty value.{{/unless}}',
  '{{#if empty}}never{{else}}empty is falsy{{/if}}',
  'Line one\n{{#if schedulingUrl}}\nBook at {{schedulingUrl}}\n{{/if}}\nLine three',
  'Trimmed {{~ schedulingUrl ~}} here',
  '{{! a comment }}Text after a comment',
  'Language {{@language}}',
  '{{#if missingFlag}}shown{{else}}a missing flag is false{{/if}}',
];

const refused = [
  'Book: {{missingValue}}',
  '{{lookup this "x"}}',
  '{{#each items}}x{{/each}}',
  '{{#with clinic}}x{{/with}}',
  '{{> partial}}',
  '{{localDate}}',
  '{{unknownHelper schedulingUrl}}',
];

describe(interpretWording.name, () => {
  test.each(same)('renders %j as the compiled template does', (source) => {
    for (const language of ['en', 'es']) {
      const data = { language };
      expect(interpretWording(source)(values, data)).toBe(compileTemplate(source, false)(values, data));
    }
  });

  test.each(refused)('refuses %j as the compiled template does', (source) => {
    const run = (render: () => unknown) => {
      try {
        render();
        return 'rendered';
      } catch {
        return 'refused';
      }
    };
    const data = { language: 'en' };
    expect(run(() => interpretWording(source)(values, data))).toBe('refused');
    expect(run(() => compileTemplate(source, false)(values, data))).toBe('refused');
  });

  test('a missing value is named, as the simulator and the editor show it', () => {
    expect(() => interpretWording('Book: {{schedulingUrl}}')({}, { language: 'en' })).toThrow(
      /"schedulingUrl" not defined/,
    );
  });

  test('renders without evaluating code: no Function constructor is used', () => {
    const original = globalThis.Function;
    const spy = jest.fn();
    globalThis.Function = new Proxy(original, {
      construct: (target, args) => {
        spy();
        return Reflect.construct(target, args);
      },
      apply: (target, self, args) => {
        spy();
        return Reflect.apply(target, self, args);
      },
    });
    try {
      expect(
        interpretWording('A fresh text {{schedulingUrl}} {{#if goalMet}}yes{{/if}}')(values, {
          language: 'en',
        }),
      ).toBe('A fresh text https://book.example.org yes');
    } finally {
      globalThis.Function = original;
    }
    expect(spy).not.toHaveBeenCalled();
  });
});
