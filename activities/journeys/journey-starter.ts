import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { z } from 'zod';
import type { JourneyInput } from '../../workflows/journey-contract';
import type { JourneyType } from '../../workflows/journey-types';
import {
  journeyStageKey,
  journeyStatusKey,
  journeyTypeKey,
  patientRefKey,
} from '../../workflows/search-attributes';
import type { ProgramSettingsStore } from '../programs/program-settings-store';
import { journeyWorkflowId, patientRefFor } from './patient-ref';

export interface JourneyStarterOptions {
  taskQueue: string;
  pseudonymKey: string;
}

export interface StartRequest {
  type: JourneyType;
  /** The EHR patient id; only its keyed hash reaches ids and search attributes. */
  patientId: string;
  params: unknown;
}

export type StartOutcome =
  { started: true; created: boolean; workflowId: string } | { started: false; issues: z.core.$ZodIssue[] };

/**
 * Enrols a patient in a journey, the one way every caller does it (the API, EHR events, the
 * cohort finder): parameters checked against the type's schema, the workflow id derived from
 * type, patient and instance so a second enrolment finds the first, and the program settings
 * current now pinned into the input.
 */
export class JourneyStarter {
  constructor(
    private readonly temporal: Client,
    private readonly settings: ProgramSettingsStore,
    private readonly options: JourneyStarterOptions,
  ) {}

  workflowIdFor(type: JourneyType, patientId: string, params: unknown): string {
    const instance = type.instanceKey?.(params as never);
    return journeyWorkflowId(type.id, patientId, instance, this.options.pseudonymKey);
  }

  patientRefOf(patientId: string): string {
    return patientRefFor(patientId, this.options.pseudonymKey);
  }

  async start({ type, patientId, params: rawParams }: StartRequest): Promise<StartOutcome> {
    const params = type.paramsSchema.safeParse(rawParams ?? {});
    if (!params.success) return { started: false, issues: params.error.issues };
    const patientRef = this.patientRefOf(patientId);
    // One running journey per patient, type (and instance, e.g. a DiLO card): the id is derived,
    // so Temporal itself refuses a second enrolment.
    const workflowId = this.workflowIdFor(type, patientId, params.data);
    // The settings current now are pinned into the journey's input: later publishes never change it.
    const { version, settings } = await this.settings.current(type);
    const input: JourneyInput<unknown> = {
      patientRef,
      patientId,
      params: params.data,
      program: { version, settings },
    };
    try {
      await this.temporal.workflow.start(type.workflowType, {
        workflowId,
        taskQueue: this.options.taskQueue,
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
      return { started: true, created: true, workflowId };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      return { started: true, created: false, workflowId };
    }
  }
}
