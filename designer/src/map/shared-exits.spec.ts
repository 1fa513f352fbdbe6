import { describe, expect, test } from '@jest/globals';
import type { BlueprintNode } from './blueprint-types';
import { findSharedExits } from './shared-exits';

const stage = (id: string): BlueprintNode => ({ id, kind: 'stage', label: `Stage ${id}` });
const nodes = [
  stage('a'),
  stage('b'),
  stage('c'),
  stage('d'),
  { id: 'gone', kind: 'end', label: 'Gone' } as const,
];

describe(findSharedExits.name, () => {
  test('a way out three or more stages share becomes one marker with one edge per way', () => {
    const cancels = ['a', 'b', 'c', 'd'].map((from) => ({ from, to: 'gone', label: 'operator cancels' }));
    const declines = ['a', 'b', 'c', 'd'].map((from) => ({ from, to: 'gone', label: 'patient declines' }));
    const { exits, otherEdges } = findSharedExits(nodes, [...cancels, ...declines, { from: 'a', to: 'b' }]);
    expect(exits).toEqual([
      {
        id: 'from-any:a+b+c+d',
        label: 'From any open stage',
        sourceLabels: ['Stage a', 'Stage b', 'Stage c', 'Stage d'],
        edges: [
          { from: 'from-any:a+b+c+d', to: 'gone', label: 'operator cancels' },
          { from: 'from-any:a+b+c+d', to: 'gone', label: 'patient declines' },
        ],
      },
    ]);
    expect(otherEdges).toEqual([{ from: 'a', to: 'b' }]);
  });

  test('a way out of some stages only says how many; two stages keep their own arrows', () => {
    const someStages = ['a', 'b', 'c'].map((from) => ({ from, to: 'gone', event: 'declined' }));
    const twoStages = ['a', 'b'].map((from) => ({ from, to: 'd', label: 'moved on' }));
    const { exits, otherEdges } = findSharedExits(nodes, [...someStages, ...twoStages]);
    expect(exits.map(({ label, edges }) => [label, edges.length])).toEqual([['From any of 3 stages', 1]]);
    expect(otherEdges).toEqual(twoStages);
  });
});
