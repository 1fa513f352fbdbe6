import { describe, expect, test } from '@jest/globals';
import { previewLanguages, wordingKeys } from './preview-choices';
import { settingFields } from './setting-fields';

// Shaped like z.toJSONSchema's output for preventive outreach: a per-language text and wording enums.
const schema = {
  type: 'object',
  properties: {
    items: {
      type: 'object',
      title: 'Screening items',
      properties: {
        'flu-shot': {
          type: 'object',
          title: 'Flu shot',
          properties: {
            locations: {
              title: 'Where to go',
              localized: true,
              defaultLanguage: 'en',
              languages: ['en', 'es'],
              anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }],
            },
            callToAction: { type: 'string', enum: ['preventive-outreach.flu-shot.call-to-action'] },
          },
        },
      },
    },
    reminder: { type: 'string', enum: ['preventive-outreach.reminder', 'other-journey.key'] },
  },
};

describe('preview choices', () => {
  test('the wordings are the enum values in the journey namespace', () => {
    expect(wordingKeys(schema, 'preventive-outreach')).toEqual([
      'preventive-outreach.flu-shot.call-to-action',
      'preventive-outreach.reminder',
    ]);
  });

  test('the languages are those the per-language texts offer, the default first', () => {
    expect(previewLanguages(schema)).toEqual(['en', 'es']);
  });
});

describe('per-language settings fields', () => {
  test('a plain string and a per-language map are one field, offered in every language, titled by the schema', () => {
    for (const locations of ['your local pharmacy', { en: 'Main Street', es: 'Calle Mayor' }]) {
      const [field] = settingFields({ items: { 'flu-shot': { locations } } }, schema);
      expect(field).toMatchObject({
        path: 'items.flu-shot.locations',
        group: 'Screening items › Flu shot',
        label: 'Where to go',
        kind: 'per-language',
        languages: ['en', 'es'],
      });
    }
  });
});
