import type { WorkflowHandle } from '@temporalio/client';
import emergencyFollowUpDefinition from '../../contracts/journey-definitions/examples/emergency-follow-up.json';
import type { JourneyDefinition } from '../../contracts/journey-definitions/definition-schema';
import type { JourneyProgress } from '../../contracts/journey-contract';
import {
  DEFINITION_JOURNEY_WORKFLOW,
  type DefinitionJourneyInput,
  type definitionJourney,
} from '../../workflows/definition-interpreter/definition-journey.workflow';
import { EMERGENCY_FOLLOW_UP } from '../../workflows/emergency-follow-up/emergency-follow-up.contract';
import { emergencyFollowUpSettings } from '../../workflows/emergency-follow-up/emergency-follow-up.settings';
import { expectStagesInBlueprint, type JourneyHarness } from './journey-harness';
import { uniqueName } from './test-stack';

/*
 * The emergency follow-up two ways, for scenario tests that run against both: the coded workflow
 * (started as the API does), and the same journey as a definition run by the interpreter. The
 * events are the same objects: the definition declares the coded journey's event types and fields.
 */

export const emergencyFollowUpAsDefinition = emergencyFollowUpDefinition as unknown as JourneyDefinition;

export interface FollowUpStart {
  params: { encounterId: string; dischargedAt: string; timeZone: string; dischargeDisposition?: string };
  patientId: string;
  patientRef: string;
}

export interface FollowUpVariant {
  name: 'coded' | 'definition';
  start(harness: JourneyHarness, start: FollowUpStart): Promise<WorkflowHandle>;
  /** Every stage the journey reported is one its map declares. */
  expectStagesKnown(progress: JourneyProgress): void;
}

export const codedFollowUp: FollowUpVariant = {
  name: 'coded',
  start: (harness, { params, patientId, patientRef }) =>
    harness.start(EMERGENCY_FOLLOW_UP, { params, patientId, patientRef }),
  expectStagesKnown: expectStagesInBlueprint,
};

/** The coded journey's default scheduling link: the definition's wording names it as a value. */
const schedulingUrl = emergencyFollowUpSettings.parse({}).schedulingUrl;

export const definitionFollowUp: FollowUpVariant = {
  name: 'definition',
  start: async (harness, { params, patientId, patientRef }) => {
    // As `harness.start` does for coded journeys: the scenario's patient can be reached on every channel.
    await harness.seedContact(patientRef);
    const input: DefinitionJourneyInput = {
      patientRef,
      patientId,
      params: {
        definition: emergencyFollowUpAsDefinition,
        timeZone: params.timeZone,
        values: { schedulingUrl },
        // What the enrolment knew: the visit, its discharge and how the patient left (absent: a person judged it right).
        facts: {
          encounterId: params.encounterId,
          dischargedAt: params.dischargedAt,
          ...(params.dischargeDisposition ? { disposition: params.dischargeDisposition } : {}),
        },
      },
      program: { version: 1, settings: {} },
    };
    return harness.env.client.workflow.start<typeof definitionJourney>(DEFINITION_JOURNEY_WORKFLOW, {
      workflowId: uniqueName('emergency-follow-up-definition'),
      taskQueue: harness.taskQueue,
      args: [input],
    });
  },
  expectStagesKnown: (progress) => {
    const declared = new Set([
      ...emergencyFollowUpAsDefinition.stages.map((stage) => stage.id),
      ...emergencyFollowUpAsDefinition.nodes.filter((node) => node.kind === 'end').map((node) => node.id),
      'cancelled',
    ]);
    const reported = [
      progress.stage,
      ...progress.timeline.filter((entry) => entry.kind === 'stage').map((entry) => entry.ref!),
    ];
    expect(reported.filter((stage) => !declared.has(stage))).toEqual([]);
  },
};
