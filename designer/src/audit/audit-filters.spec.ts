import { describe, expect, test } from '@jest/globals';
import {
  auditFiltersOf,
  auditSearchOf,
  fromLocalInput,
  NO_AUDIT_FILTERS,
  toLocalInput,
} from './audit-filters';

describe('audit filters in the address', () => {
  test('journey, actor, action and time round-trip; a patient id is never read from or written to it', () => {
    const params = new URLSearchParams(
      'journeyId=preventive-outreach-abc&actor=alice&action=journey.read&since=2026-12-01T00:00:00.000Z&patientId=pat-1',
    );
    const filters = auditFiltersOf(params);
    expect(filters).toEqual({
      ...NO_AUDIT_FILTERS,
      journeyId: 'preventive-outreach-abc',
      actor: 'alice',
      action: 'journey.read',
      since: '2026-12-01T00:00:00.000Z',
    });
    expect(auditSearchOf(filters, '42').toString()).toBe(
      'journeyId=preventive-outreach-abc&actor=alice&action=journey.read&since=2026-12-01T00%3A00%3A00.000Z&pageToken=42',
    );
  });

  test("a datetime-local value is the browser's clock, and comes back the same", () => {
    const iso = fromLocalInput('2026-12-07T08:30');
    expect(new Date(iso).getHours()).toBe(8);
    expect(toLocalInput(iso)).toBe('2026-12-07T08:30');
    expect(fromLocalInput('')).toBe('');
  });
});
