import type { Client } from '@temporalio/client';
import { journeyWorkflowId, patientRefFor } from '../shared/journeys/patient-ref';
import type { JourneyInput } from '../contracts/journey-contract';
import type { JourneyType } from '../workflows/journey-types';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../contracts/search-attributes';

export interface RawStartTarget {
  temporal: Client;
  taskQueue: string;
  pseudonymKey: string;
}

/**
 * The Temporal call the API's JourneyStarter makes, and nothing around it: same workflow type,
 * id scheme, input shape (built-in settings, version 0, as the API pins with no publish), options
 * and search attributes. What the API adds (auth, validation, settings lookup, audit row, the
 * describe and progress query of its answer) is what the comparison shows.
 */
export async function startJourneyRaw(
  target: RawStartTarget,
  type: JourneyType,
  patientId: string,
  params: unknown,
): Promise<string> {
  const parsed = type.paramsSchema.parse(params);
  const patientRef = patientRefFor(patientId, target.pseudonymKey);
  const workflowId = journeyWorkflowId(
    type.id,
    patientId,
    type.instanceKey?.(parsed as never),
    target.pseudonymKey,
  );
  const input: JourneyInput<unknown> = {
    patientRef,
    patientId,
    params: parsed,
    program: { version: 0, settings: type.settingsSchema.parse({}) },
  };
  await target.temporal.workflow.start(type.workflowType, {
    workflowId,
    taskQueue: target.taskQueue,
    args: [input],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    workflowIdConflictPolicy: 'FAIL',
    typedSearchAttributes: [
      { key: journeyTypeKey, value: type.id },
      { key: patientRefKey, value: patientRef },
      { key: journeyStatusKey, value: 'active' },
      { key: journeyStageKey, value: 'enrolled' },
    ],
  });
  return workflowId;
}
