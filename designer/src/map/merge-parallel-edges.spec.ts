import { describe, expect, test } from '@jest/globals';
import { mergeParallelEdges } from './merge-parallel-edges';

describe(mergeParallelEdges.name, () => {
  test('edges between the same two nodes become one, with their distinct labels joined', () => {
    expect(
      mergeParallelEdges([
        { from: 'booked', to: 'completed', label: 'attended', event: 'appointment-attended' },
        { from: 'booked', to: 'completed', label: 'done elsewhere', event: 'screening-done' },
        { from: 'outreach', to: 'completed', label: 'attended' },
        { from: 'booked', to: 'completed', label: 'attended', event: 'appointment-attended' },
      ]),
    ).toEqual([
      { id: 'booked->completed', from: 'booked', to: 'completed', label: 'attended or done elsewhere' },
      { id: 'outreach->completed', from: 'outreach', to: 'completed', label: 'attended' },
    ]);
  });

  test('direction matters, an event names an unlabelled edge, and an edge may have no label', () => {
    expect(
      mergeParallelEdges([
        { from: 'a', to: 'b', event: 'reading' },
        { from: 'b', to: 'a' },
      ]),
    ).toEqual([
      { id: 'a->b', from: 'a', to: 'b', label: 'reading' },
      { id: 'b->a', from: 'b', to: 'a', label: undefined },
    ]);
  });
});
