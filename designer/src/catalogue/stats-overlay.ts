import type { JourneyTypeStats } from '../api';
import type { StageOverlay } from '../map/stage-counts';

/** The per-stage counts of the stats endpoint, keyed by stage as the map reads them. */
export function statsOverlay(stats: JourneyTypeStats): StageOverlay {
  return Object.fromEntries(
    stats.stages.map(({ stage, now, droppedOff, breached }) => [stage, { now, droppedOff, breached }]),
  );
}
