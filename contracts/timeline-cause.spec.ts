import { describe, expect, test } from '@jest/globals';
import { timelineCause } from './timeline-cause';

describe('timelineCause', () => {
  const at = '2026-12-01T10:00:00Z';

  test('an entry that names its cause keeps it', () => {
    expect(timelineCause({ at, kind: 'control', summary: 'Paused by an operator: x', by: 'nurse-ana' })).toBe(
      'nurse-ana',
    );
    expect(
      timelineCause({ at, kind: 'event', summary: 'Lab', ref: 'lab', by: 'EHR event (Observation)' }),
    ).toBe('EHR event (Observation)');
  });

  test('entries from older histories get a label from their kind', () => {
    expect(timelineCause({ at, kind: 'deadline', summary: 'Breached' })).toBe('timer');
    expect(timelineCause({ at, kind: 'stage', summary: 'Moved' })).toBe('timer');
    expect(timelineCause({ at, kind: 'event', summary: 'Lab', ref: 'lab-result' })).toBe('EHR event');
    expect(timelineCause({ at, kind: 'event', summary: 'The patient responded (sms)' })).toBe('patient');
    expect(timelineCause({ at, kind: 'control', summary: 'Paused by an operator: x' })).toBe('operator');
    expect(timelineCause({ at, kind: 'task', summary: 'Staff task done (call): reached' })).toBe('staff');
    expect(timelineCause({ at, kind: 'task', summary: 'Staff task (urgent): Deadline missed' })).toBe(
      'timer',
    );
  });
});
