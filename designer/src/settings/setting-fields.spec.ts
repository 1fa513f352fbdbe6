import { describe, expect, test } from '@jest/globals';
import { groupSettingFields, humanizeKey, settingFields } from './setting-fields';

const schema = {
  type: 'object',
  properties: {
    channel: { type: 'string', enum: ['portal', 'email', 'sms'], description: 'Channel of the reminder.' },
    reminderLeadHours: { type: 'integer', minimum: 1, maximum: 336 },
    quietHours: {
      type: 'object',
      title: 'Quiet hours',
      properties: { start: { type: 'string', title: 'Quiet from' } },
    },
    retryDays: { type: 'array', items: { type: 'integer' } },
    keywords: { type: 'array', items: { type: 'string' } },
  },
};

describe('humanizeKey', () => {
  test('splits camel and kebab case into a sentence', () => {
    expect(humanizeKey('followUpDelayHours')).toBe('Follow up delay hours');
    expect(humanizeKey('nhs-england')).toBe('Nhs england');
    expect(humanizeKey('reviewMinA1cDrop')).toBe('Review min a1c drop');
  });
});

describe('settingFields', () => {
  const settings = {
    channel: 'sms',
    reminderLeadHours: 24,
    ratio: 0.5,
    quietHours: { enabled: true, start: '21:00' },
    channelOrder: ['sms', 'email'],
    retryDays: [1, 3],
    keywords: [],
    escalation: { steps: [{ afterDays: 0 }] },
  };
  const fields = settingFields(settings, schema);
  const field = (path: string) => fields.find((candidate) => candidate.path === path);

  test('one field per leaf, in settings order', () => {
    expect(fields.map((candidate) => candidate.path)).toEqual([
      'channel',
      'reminderLeadHours',
      'ratio',
      'quietHours.enabled',
      'quietHours.start',
      'channelOrder',
      'retryDays',
      'keywords',
      'escalation.steps',
    ]);
  });

  test('enums from the schema become choices, with the description as help', () => {
    expect(field('channel')).toMatchObject({
      kind: 'choice',
      options: ['portal', 'email', 'sms'],
      label: 'Channel',
      description: 'Channel of the reminder.',
    });
  });

  test('numbers carry the schema rules, and work without a schema', () => {
    expect(field('reminderLeadHours')).toMatchObject({ kind: 'number', integer: true, min: 1, max: 336 });
    expect(field('ratio')).toMatchObject({ kind: 'number', integer: false });
  });

  test('schema titles name fields and groups; other names come from the path', () => {
    expect(field('quietHours.start')).toMatchObject({
      kind: 'text',
      label: 'Quiet from',
      group: 'Quiet hours',
    });
    expect(field('quietHours.enabled')).toMatchObject({ kind: 'yes-no', label: 'Enabled' });
    expect(field('escalation.steps')).toMatchObject({
      kind: 'structured',
      label: 'Steps',
      group: 'Escalation',
    });
  });

  test('string lists are reordered, number lists typed, empty lists typed as the schema says', () => {
    expect(field('channelOrder')?.kind).toBe('ordered-list');
    expect(field('retryDays')).toMatchObject({ kind: 'list-text', itemType: 'number' });
    expect(field('keywords')).toMatchObject({ kind: 'list-text', itemType: 'string' });
  });
});

describe('groupSettingFields', () => {
  test('top-level settings come first, then groups in the order they appear', () => {
    const fields = settingFields({ nested: { a: 1 }, top: 2, other: { b: 3 }, last: 4 }, undefined);
    expect(
      groupSettingFields(fields).map((group) => [group.name, group.fields.map((item) => item.path)]),
    ).toEqual([
      ['', ['top', 'last']],
      ['Nested', ['nested.a']],
      ['Other', ['other.b']],
    ]);
  });
});
