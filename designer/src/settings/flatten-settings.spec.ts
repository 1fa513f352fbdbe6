import { describe, expect, test } from '@jest/globals';
import { flattenSettings, rebuildSettings } from './flatten-settings';

const settings = {
  reminderLeadHours: 48,
  quietHours: { enabled: true, window: { start: '21:00', end: '08:00' } },
  channelOrder: ['sms', 'email'],
  escalation: { steps: [{ afterDays: 0, action: 'message' }], closeAfterDays: 14 },
  extras: {},
};

describe('flattenSettings', () => {
  test('nested objects become dotted paths and arrays stay whole', () => {
    expect(flattenSettings(settings)).toEqual([
      { path: 'reminderLeadHours', value: 48 },
      { path: 'quietHours.enabled', value: true },
      { path: 'quietHours.window.start', value: '21:00' },
      { path: 'quietHours.window.end', value: '08:00' },
      { path: 'channelOrder', value: ['sms', 'email'] },
      { path: 'escalation.steps', value: [{ afterDays: 0, action: 'message' }] },
      { path: 'escalation.closeAfterDays', value: 14 },
      { path: 'extras', value: {} },
    ]);
  });

  test('null is a leaf like any other value', () => {
    expect(flattenSettings({ limit: null })).toEqual([{ path: 'limit', value: null }]);
  });
});

describe('rebuildSettings', () => {
  test('rebuilding the leaves gives back the settings, key order included', () => {
    const rebuilt = rebuildSettings(flattenSettings(settings));
    expect(rebuilt).toEqual(settings);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(settings));
  });

  test('an edited leaf lands at its path without touching its siblings', () => {
    const leaves = flattenSettings(settings).map((leaf) =>
      leaf.path === 'quietHours.window.end' ? { ...leaf, value: '07:00' } : leaf,
    );
    expect(rebuildSettings(leaves).quietHours).toEqual({
      enabled: true,
      window: { start: '21:00', end: '07:00' },
    });
  });
});
