import { describe, expect, test } from '@jest/globals';
import { heldLine, heldMessages } from './held-messages';
import type { TimelineEntry } from './journey-contract';

const message = (summary: string, ref = 'reminder-1', at = '2026-12-07T02:00:00.000Z'): TimelineEntry => ({
  at,
  kind: 'message',
  summary,
  ref,
});

describe('heldMessages', () => {
  test('a hold is listed with when it goes and why', () => {
    const line = heldLine('"reminder"', '2026-12-07T07:00:00.000Z', 'quiet-hours');
    expect(heldMessages([message(line)])).toEqual([
      {
        step: 'reminder-1',
        label: '"reminder"',
        until: '2026-12-07T07:00:00.000Z',
        reason: 'quiet-hours',
        heldAt: '2026-12-07T02:00:00.000Z',
      },
    ]);
  });

  test('a later line for the same step ends the hold; other steps and kinds are left alone', () => {
    const timeline: TimelineEntry[] = [
      message(heldLine('"reminder"', '2026-12-07T07:00:00.000Z', 'quiet-hours')),
      message('"reminder" sent by sms', 'reminder-1', '2026-12-07T07:00:01.000Z'),
      message(heldLine('"second"', '2026-12-08T00:00:00.000Z', 'daily-cap'), 'reminder-2'),
      { at: '2026-12-07T02:00:00.000Z', kind: 'stage', summary: 'x held until y: z', ref: 'outreach' },
    ];
    expect(heldMessages(timeline).map((held) => [held.step, held.reason])).toEqual([
      ['reminder-2', 'daily-cap'],
    ]);
  });
});
