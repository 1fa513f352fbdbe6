import { type Blueprint, isStageNode } from './blueprint-types';
import { countsAt, type StageOverlay } from './stage-counts';

interface StageListProps {
  readonly blueprint: Blueprint;
  readonly overlay?: StageOverlay;
  readonly position?: string;
}

/** The map's stages as text: what a screen reader or a keyboard user reads instead of the canvas. */
export function StageList({ blueprint, overlay, position }: StageListProps) {
  const stages = blueprint.nodes.filter(isStageNode);
  return (
    <details className="journey-map-list">
      <summary>Stages as a list</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            {overlay && (
              <>
                <th scope="col">Here now</th>
                <th scope="col">Dropped off</th>
                <th scope="col">Breached</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => {
            const isPatientHere = stage.id === position;
            const counts = overlay && countsAt(overlay, stage.id);
            return (
              <tr key={stage.id} aria-current={isPatientHere ? 'step' : undefined}>
                <th scope="row">
                  {stage.label}
                  {stage.kind === 'end' && ' (end)'}
                  {isPatientHere && <strong> (patient is here)</strong>}
                </th>
                {counts && (
                  <>
                    <td>{counts.now}</td>
                    <td>{counts.droppedOff}</td>
                    <td>{counts.breached}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
