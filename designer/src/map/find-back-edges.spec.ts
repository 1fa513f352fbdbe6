import { describe, expect, test } from '@jest/globals';
import { findBackEdges } from './find-back-edges';
import { mergeParallelEdges } from './merge-parallel-edges';

describe(findBackEdges.name, () => {
  test('edges returning to a node on the way from the start loop back; the rest point forward', () => {
    const edges = mergeParallelEdges([
      { from: 'outreach', to: 'cadence' },
      { from: 'cadence', to: 'message', label: 'message step due' },
      { from: 'message', to: 'cadence', label: 'next step' },
      { from: 'outreach', to: 'booked', label: 'booked' },
      { from: 'booked', to: 'outreach', label: 'cancelled' },
      { from: 'booked', to: 'booked', label: 'rescheduled' },
      { from: 'cadence', to: 'booked', label: 'booked meanwhile' },
    ]);
    const nodes = ['message', 'booked', 'cadence', 'outreach'];
    expect([...findBackEdges('outreach', nodes, edges)].sort()).toEqual([
      'booked->outreach',
      'message->cadence',
    ]);
  });

  test('nodes the start does not reach are walked too', () => {
    const edges = mergeParallelEdges([
      { from: 'orphan', to: 'other' },
      { from: 'other', to: 'orphan' },
    ]);
    expect([...findBackEdges('start', ['start', 'orphan', 'other'], edges)]).toEqual(['other->orphan']);
  });
});
