import type { BlueprintNodeKind } from './blueprint-types';
import { NODE_KINDS } from './node-kinds';

export function MapLegend() {
  return (
    <ul className="journey-map-legend" aria-label="Legend">
      {(Object.entries(NODE_KINDS) as Array<[BlueprintNodeKind, (typeof NODE_KINDS)[BlueprintNodeKind]]>).map(
        ([kind, { word, meaning }]) => (
          <li key={kind}>
            <span className={`map-swatch map-node-${kind}`} aria-hidden="true" />
            <strong>{word}</strong> {meaning}
          </li>
        ),
      )}
    </ul>
  );
}
