import { describe, expect, test } from '@jest/globals';
import { applyChanges, diffSettings, sameSettingValue } from './settings-diff';

describe('diffSettings', () => {
  const published = {
    reminderLeadHours: 24,
    channelOrder: ['sms', 'email', 'portal'],
    quietHours: { start: '21:00', end: '08:00' },
  };

  test('identical settings have no changes', () => {
    expect(diffSettings(published, structuredClone(published))).toEqual([]);
  });

  test('only the changed leaves are listed, with both values', () => {
    const draft = { ...published, reminderLeadHours: 48, quietHours: { start: '21:00', end: '07:00' } };
    expect(diffSettings(published, draft)).toEqual([
      { path: 'reminderLeadHours', published: 24, draft: 48 },
      { path: 'quietHours.end', published: '08:00', draft: '07:00' },
    ]);
  });

  test('a reordered list is a change', () => {
    const draft = { ...published, channelOrder: ['email', 'sms', 'portal'] };
    expect(diffSettings(published, draft)).toEqual([
      { path: 'channelOrder', published: ['sms', 'email', 'portal'], draft: ['email', 'sms', 'portal'] },
    ]);
  });

  test('leaves only on one side are listed with undefined on the other', () => {
    expect(diffSettings({ a: 1 }, { b: 2 })).toEqual([
      { path: 'a', published: 1, draft: undefined },
      { path: 'b', published: undefined, draft: 2 },
    ]);
  });
});

describe('sameSettingValue', () => {
  test('compares objects by content regardless of key order', () => {
    expect(sameSettingValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
  });

  test('tells apart values that only look alike', () => {
    expect(sameSettingValue(1, '1')).toBe(false);
    expect(sameSettingValue([1, 2], [2, 1])).toBe(false);
    expect(sameSettingValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameSettingValue(null, {})).toBe(false);
  });
});

describe('applyChanges', () => {
  test('the draft keeps its edits on top of a newer version and takes the rest from it', () => {
    const older = { reminderLeadHours: 24, channel: 'sms', quietHours: { start: '21:00' } };
    const draft = { reminderLeadHours: 48, channel: 'sms', quietHours: { start: '22:00' } };
    const newer = { reminderLeadHours: 24, channel: 'email', quietHours: { start: '21:00' } };
    expect(applyChanges(newer, diffSettings(older, draft))).toEqual({
      reminderLeadHours: 48,
      channel: 'email',
      quietHours: { start: '22:00' },
    });
  });

  test('a change to a setting the newer version no longer has is dropped', () => {
    expect(applyChanges({ a: 1 }, [{ path: 'gone', published: 1, draft: 2 }])).toEqual({ a: 1 });
  });
});
