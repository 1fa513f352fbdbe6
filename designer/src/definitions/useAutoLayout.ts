import { useEffect, useState } from 'react';
import type { JourneyDefinition } from '../../../contracts/journey-definitions/definition-schema';
import type { Position } from './definition-edits';
import { layoutUnplaced } from './auto-layout';

/** ELK positions for the draft's unplaced nodes, computed again only when that set changes. */
export function useAutoLayout(definition: JourneyDefinition): ReadonlyMap<string, Position> {
  const [laidOut, setLaidOut] = useState<ReadonlyMap<string, Position>>(new Map());
  const unplacedKey = definition.nodes
    .filter((node) => !node.position)
    .map((node) => node.id)
    .join(' ');
  useEffect(() => {
    if (unplacedKey === '') return;
    let current = true;
    layoutUnplaced(definition).then(
      (positions) => current && setLaidOut(positions),
      // Without ELK the nodes still show, stacked: the designer can drag them apart.
      () => current && setLaidOut(new Map()),
    );
    return () => {
      current = false;
    };
    // Laid out again when the unplaced nodes change, not on every edit of a field.
  }, [unplacedKey]);
  return laidOut;
}
