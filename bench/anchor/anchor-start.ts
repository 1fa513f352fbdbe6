import { journeyWorkflowId, patientRefFor } from '../../shared/journeys/patient-ref';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../../contracts/search-attributes';
import type { RawStartTarget } from '../raw-journey-start';
import type { AnchorInput } from './anchor.workflow';

/** The anchor's journey type in search attributes: its journeys are counted apart from Carepath's. */
export const ANCHOR_JOURNEY = 'bench-anchor';

/**
 * Starts an anchor journey the way startJourneyRaw starts a Carepath one: same id scheme,
 * options and search attributes, on the anchor worker's task queue.
 */
export async function startAnchorJourney(
  target: RawStartTarget,
  patientId: string,
  input: AnchorInput,
): Promise<string> {
  const patientRef = patientRefFor(patientId, target.pseudonymKey);
  const workflowId = journeyWorkflowId(ANCHOR_JOURNEY, patientId, undefined, target.pseudonymKey);
  await target.temporal.workflow.start('anchorJourneyWorkflow', {
    workflowId,
    taskQueue: target.taskQueue,
    args: [input],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    workflowIdConflictPolicy: 'FAIL',
    typedSearchAttributes: [
      { key: journeyTypeKey, value: ANCHOR_JOURNEY },
      { key: patientRefKey, value: patientRef },
      { key: journeyStatusKey, value: 'active' },
      { key: journeyStageKey, value: 'enrolled' },
    ],
  });
  return workflowId;
}
