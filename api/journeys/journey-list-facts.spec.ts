import { describe, expect, test } from '@jest/globals';
import type { DeadlineView } from '../../contracts/journey-contract';
import { deadlineFacts } from './journey-list-facts';

const deadline = (id: string, dueAt: string, status: DeadlineView['status']): DeadlineView => ({
  id,
  label: id,
  dueAt,
  status,
});

describe('deadlineFacts', () => {
  test('the next deadline is the open one due first, a breached one still owed included', () => {
    expect(
      deadlineFacts([
        deadline('treatment', '2026-12-20T00:00:00Z', 'pending'),
        deadline('diagnosis', '2026-12-01T00:00:00Z', 'breached'),
        deadline('referral', '2026-11-20T00:00:00Z', 'met'),
      ]),
    ).toEqual({
      nextDeadline: { label: 'diagnosis', dueAt: '2026-12-01T00:00:00Z' },
      overdueSince: '2026-12-01T00:00:00Z',
    });
  });

  test('met, late or void deadlines are neither next nor overdue', () => {
    expect(
      deadlineFacts([
        deadline('a', '2026-12-01T00:00:00Z', 'met-late'),
        deadline('b', '2026-12-02T00:00:00Z', 'void'),
      ]),
    ).toEqual({});
  });
});
