import type { NodeKind } from '../../../contracts/journey-definitions/definition-schema';
import { kindTitles } from './definition-edits';

const kinds = Object.keys(kindTitles) as NodeKind[];

/** One button per node kind: the new node appears on the map, selected, for its properties. */
export function NodePalette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  return (
    <div className="toolbar definition-palette" role="toolbar" aria-label="Add a node">
      {kinds.map((kind) => (
        <button key={kind} type="button" className="button-secondary" onClick={() => onAdd(kind)}>
          Add {kindTitles[kind].toLowerCase()}
        </button>
      ))}
    </div>
  );
}
