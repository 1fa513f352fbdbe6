import { describe, expect, test } from '@jest/globals';
import { describeSetting } from './setting-value';

// Shaped like the resolved settings of prediabetes care and preventive outreach.
const settings = {
  coreSessions: 16,
  coreIntervalDays: 7,
  programMonths: 12,
  inactivityWindowHours: 48,
  reviewAfterWeeks: 6,
  reviewMinGlucoseDropMgDl: 5,
  reviewMinA1cDrop: 0.1,
  warnDaysBefore: 1,
  channel: 'portal',
  sendOnWeekends: false,
  channels: ['sms', 'email'],
  escalation: {
    steps: [{ afterDays: 0, action: 'message', channel: 'default', wording: 'call-to-action' }],
    closeAfterDays: 45,
  },
};

describe(describeSetting.name, () => {
  test('a number whose key names a time unit reads as a duration', () => {
    expect(describeSetting('coreIntervalDays', settings)).toBe('7 days');
    expect(describeSetting('programMonths', settings)).toBe('12 months');
    expect(describeSetting('inactivityWindowHours', settings)).toBe('48 hours');
    expect(describeSetting('reviewAfterWeeks', settings)).toBe('6 weeks');
  });

  test('a duration of one is singular, wherever the unit sits in the key', () => {
    expect(describeSetting('warnDaysBefore', settings)).toBe('1 day');
  });

  test('a value nested in the settings is found by its dotted path', () => {
    expect(describeSetting('escalation.closeAfterDays', settings)).toBe('45 days');
  });

  test('a glucose threshold keeps its unit', () => {
    expect(describeSetting('reviewMinGlucoseDropMgDl', settings)).toBe('review min glucose drop: 5 mg/dL');
  });

  test('other values are named by their key', () => {
    expect(describeSetting('coreSessions', settings)).toBe('core sessions: 16');
    expect(describeSetting('reviewMinA1cDrop', settings)).toBe('review min a1c drop: 0.1');
    expect(describeSetting('channel', settings)).toBe('channel: portal');
    expect(describeSetting('sendOnWeekends', settings)).toBe('send on weekends: no');
    expect(describeSetting('channels', settings)).toBe('channels: sms, email');
  });

  test('a structure, a missing value or missing settings show which setting tunes the node', () => {
    expect(describeSetting('escalation', settings)).toBe('Setting: escalation');
    expect(describeSetting('escalation.steps', settings)).toBe('Setting: escalation.steps');
    expect(describeSetting('noSuchSetting', settings)).toBe('Setting: noSuchSetting');
    expect(describeSetting('coreIntervalDays', undefined)).toBe('Setting: coreIntervalDays');
  });
});
