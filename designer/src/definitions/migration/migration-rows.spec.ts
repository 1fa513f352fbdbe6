import { describe, expect, test } from '@jest/globals';
import { filterRows, landingNodes, NO_ROW_FILTERS, parseMapping, type MigrationRow } from './migration-rows';

const row = (journeyId: string, extra: Partial<MigrationRow>): MigrationRow => ({
  journeyId,
  label: `${journeyId} · invited`,
  stage: 'invited',
  node: 'wait-reply',
  outcome: 'migrate',
  ...extra,
});

const rows: MigrationRow[] = [
  row('a', { landsAt: { node: 'wait-reply', stage: 'invited', kind: 'wait' }, messages: [] }),
  row('b', {
    landsAt: { node: 'check-in', stage: 'following-up', kind: 'escalation' },
    messages: [
      { step: 'check-in/step-1', key: 'check-in-1', action: 'skip', why: '' },
      { step: 'check-in/step-3', key: 'check-in-3', action: 'send', why: '' },
    ],
  }),
  row('c', {
    landsAt: { node: 'check-in', stage: 'following-up', kind: 'escalation' },
    messages: [{ step: 'check-in/step-1', key: 'check-in-1', action: 'skip', why: '' }],
  }),
  row('d', { outcome: 'refused', refusal: { code: 'node-removed', reason: 'removed', strands: true } }),
];

describe('migration rows', () => {
  test('filter by landing node, by "messages would be sent", by refused', () => {
    expect(filterRows(rows, NO_ROW_FILTERS).map((r) => r.journeyId)).toEqual(['a', 'b', 'c', 'd']);
    expect(filterRows(rows, { ...NO_ROW_FILTERS, landsAt: 'check-in' }).map((r) => r.journeyId)).toEqual([
      'b',
      'c',
    ]);
    // A skipped message sends nothing: only b gets one.
    expect(filterRows(rows, { ...NO_ROW_FILTERS, sendsMessages: true }).map((r) => r.journeyId)).toEqual([
      'b',
    ]);
    expect(filterRows(rows, { ...NO_ROW_FILTERS, refusedOnly: true }).map((r) => r.journeyId)).toEqual(['d']);
    expect(landingNodes(rows)).toEqual(['check-in', 'wait-reply']);
  });

  test('a mapping is "old -> new" per line, and a line that is not says which', () => {
    expect(parseMapping('legacy-hold -> hold\n\n a->b ')).toEqual({
      mapping: { 'legacy-hold': 'hold', a: 'b' },
    });
    expect(parseMapping('legacy-hold hold')).toEqual({ problem: 'Line 1 must read "old-node -> new-node".' });
  });
});
